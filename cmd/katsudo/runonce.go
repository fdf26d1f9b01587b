package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"time"
)

// runRun does, once, everything that is due at --now (default: now) and
// exits: refreshes the report and findings tabs, then sends the reminders,
// escalation, summary and filing reminder whose time has come by the
// schedule and are not in the 送信履歴 tab yet — including those that
// became due while nothing ran. It is for cron, systemd timers,
// Kubernetes CronJobs and Cloud Run jobs. Exit status: 0 done (or another
// katsudo holds the lock, and is doing it); 1 the pass did not fully
// succeed, as the log says; 2 a usage or config problem.
func runRun(ctx context.Context, e env, args []string) error {
	var f flags
	fs := newFlagSet("run", e, &f)
	lf := logFormatFlag(fs)
	j, err := parse(fs, &f, e, args)
	if err != nil {
		return err
	}
	o, err := setupOps(ctx, e, j, f, *lf)
	if err != nil {
		return err
	}
	path := lockPath(j, e.getenv)
	l, err := tryLock(path)
	switch {
	case errors.Is(err, errLocked):
		o.log.Warn("another katsudo is working on this spreadsheet, so this run did nothing", "lock_file", path, "holder", lockHolder(path))
		return nil
	case errors.Is(err, errLockUnsupported):
		o.log.Warn("this system has no file lock: make sure only one katsudo runs at a time")
	case err != nil:
		return lockError(err)
	}
	defer l.Unlock()
	start := time.Now()
	out, err := o.pass.pass(ctx, j.now, passPlan{report: true, slack: true})
	logOutcome(o.log, "run", out, time.Since(start), err != nil)
	if err != nil {
		o.log.Error("run failed", "err", err)
		return findingsError{}
	}
	o.hb.ping(ctx)
	if n := len(out.slack.Problems); n > 0 {
		return findingsError{errors: n}
	}
	return nil
}

// logFormatFlag adds --log-format, shared by run and serve.
func logFormatFlag(fs *flag.FlagSet) *string {
	return fs.String("log-format", "", "log as text or json (default: log_format in katsudo.yaml, else text)")
}

// lockError says what to do when the lock file cannot be made.
func lockError(err error) error {
	return errors.New(err.Error() + "; set lock_file (or KATSUDO_LOCK_FILE) to a file katsudo can create")
}

// ops is what run and serve work with besides the job's settings.
type ops struct {
	log  *slog.Logger
	m    *metrics
	hb   heartbeat
	pass *passer
}

// setupOps builds the logger, the metrics, the schedules and the
// spreadsheet connection of run and serve; every problem is a usage error.
func setupOps(ctx context.Context, e env, j *job, f flags, logFmt string) (*ops, error) {
	log, err := newLogger(e.stderr, logFormat(logFmt, j.cfg), j.cfg)
	if err != nil {
		return nil, err
	}
	j.log = log // the spreadsheet's retry warnings log in the same format
	sched, err := parseSchedules(j.cfg)
	if err != nil {
		return nil, err
	}
	b, err := j.open(ctx, e)
	if err != nil {
		return nil, err
	}
	m := newMetrics()
	api := "sheets"
	if j.cfg.Workbook != "" {
		api = "workbook"
	}
	return &ops{
		log: log, m: m,
		hb: heartbeat{url: j.cfg.HeartbeatURL, client: countingClient(m, "heartbeat", heartbeatTimeout), log: log, m: m},
		pass: &passer{
			j: j, fixedFY: f.fy != 0, b: countingBook{book: b, m: m, api: api}, sched: sched,
			log: log, m: m, slack: countingClient(m, "slack", 30*time.Second),
		},
	}, nil
}
