package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"time"

	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/lockfile"
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
	lf := logFormatFlag(fs, e)
	dry := fs.Bool("dry-run", false, e.say("書き込むタブと送るメッセージを表示するだけで、書き込みも送信も記録もしません", "print the tabs it would write and the messages it would send; write, send and record nothing"))
	j, err := parse(fs, &f, e, args)
	if err != nil {
		return err
	}
	if *dry {
		return dryRun(ctx, e, j)
	}
	o, err := setupOps(ctx, e, j, *lf)
	if err != nil {
		return err
	}
	path := lockPath(j, e.getenv)
	l, err := lockfile.Try(path)
	switch {
	case errors.Is(err, lockfile.ErrLocked):
		o.log.Warn("another katsudo is working on this spreadsheet, so this run did nothing", "lock_file", path, "holder", lockfile.Holder(path))
		return nil
	case errors.Is(err, lockfile.ErrUnsupported):
		o.log.Warn("this system has no file lock: make sure only one katsudo runs at a time")
	case err != nil:
		return lockError(err)
	}
	defer l.Unlock()
	if l != nil {
		o.clerk.Holder = holderID(path)
	}
	start := time.Now()
	out, err := o.pass(ctx, j.now, clerk.Plan{Report: true, Slack: true})
	out.Log(o.log, "run", time.Since(start), err != nil)
	if err != nil {
		o.log.Error("run failed", "err", err)
		return clerk.ErrorsFound{}
	}
	o.hb.ping(ctx)
	if n := len(out.Slack.Problems); n > 0 {
		return clerk.ErrorsFound{N: n}
	}
	return nil
}

// logFormatFlag adds --log-format, shared by run and serve.
func logFormatFlag(fs *flag.FlagSet, e env) *string {
	return fs.String("log-format", "", e.say("ログの形式：text か json（既定：katsudo.yaml の log_format、なければ text）", "log as text or json (default: log_format in katsudo.yaml, else text)"))
}

// lockError says what to do when the lock file cannot be made.
func lockError(err error) error {
	return fmt.Errorf("%w; set lock_file (or KATSUDO_LOCK_FILE) to a file katsudo can create", err)
}

// ops is what run and serve work with besides their settings.
type ops struct {
	log   *slog.Logger
	m     *metrics
	hb    heartbeat
	clerk *clerk.Clerk
	// intake is logging from Slack (serve only; nil when not set up).
	intake *intakeRun
}

// setupOps builds the logger, the metrics, the schedules and the
// spreadsheet connection of run and serve; every problem is a usage error.
func setupOps(ctx context.Context, e env, j *settings, logFmt string) (*ops, error) {
	log, err := newLogger(e.stderr, logFormat(logFmt, j.cfg), j.cfg)
	if err != nil {
		return nil, err
	}
	j.log = log // the spreadsheet's retry warnings log in the same format
	if _, err := clerk.ParseSchedules(j.cfg); err != nil {
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
		hb:    heartbeat{url: j.cfg.HeartbeatURL, client: countingClient(m, "heartbeat", heartbeatTimeout), log: log, m: m},
		clerk: j.clerk(countingBook{book: b, m: m, api: api}, log, countingClient(m, "slack", 30*time.Second)),
	}, nil
}

// pass is one pass of the clerk at now, counted in the metrics.
func (o *ops) pass(ctx context.Context, now time.Time, plan clerk.Plan) (clerk.Outcome, error) {
	out, err := o.clerk.Pass(ctx, now, plan)
	if out.Wrote {
		o.m.set(mFindings, float64(out.Errors), "severity", "error")
		o.m.set(mFindings, float64(out.Warnings), "severity", "warning")
	}
	for _, r := range out.Slack.Sent {
		o.m.add(mSent, 1, "kind", string(r.Kind))
	}
	for _, r := range out.Slack.Recovered {
		o.m.add(mRecovered, 1, "kind", string(r.Kind))
	}
	if n := len(out.Slack.Problems); n > 0 {
		o.m.add(mUndeliverable, float64(n))
	}
	return out, err
}
