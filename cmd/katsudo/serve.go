package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/katsudo-npo/katsudo/lockfile"
	"github.com/katsudo-npo/katsudo/timetable"
	"github.com/robfig/cron/v3"
)

// lockPoll is how often a serve waiting for the lock tries it again.
const lockPoll = 5 * time.Second

// runServe is the long-running scheduler. It refreshes the report on
// schedule.report, sends what is due on schedule.remind and
// schedule.summary, and, once at start, does everything that became due
// while it was not running. It answers /healthz and /metrics on --listen
// (default: listen in katsudo.yaml). On SIGTERM or SIGINT a running job
// gets --grace to finish, is then cancelled, and serve exits 0.
//
// Only one katsudo works on a spreadsheet at a time: serve holds the lock
// file for as long as it runs, and a second serve waits (its /healthz
// says "standby") until the first is gone.
func runServe(ctx context.Context, e env, args []string) error {
	var f flags
	fs := newFlagSet("serve", e, &f)
	lf := logFormatFlag(fs, e)
	listen := fs.String("listen", "", e.say("/healthz と /metrics の host:port（既定：katsudo.yaml の listen、なければ 127.0.0.1:8080）", "host:port for /healthz and /metrics (default: listen in katsudo.yaml, else 127.0.0.1:8080)"))
	grace := fs.Duration("grace", 20*time.Second, e.say("SIGTERM のあと、実行中の作業が終わるのを待つ時間（過ぎたら中止します）", "on SIGTERM, how long a running job may take to finish before it is cancelled"))
	j, err := parse(fs, &f, e, args)
	if err != nil {
		return err
	}
	addr := j.cfg.Listen
	if *listen != "" {
		if _, _, err := net.SplitHostPort(*listen); err != nil {
			return e.usagef("--listen %q：127.0.0.1:8080 のような host:port を指定してください（すべてのネットワークで受けるなら \":8080\"）", "--listen %q: use host:port, like 127.0.0.1:8080 (\":8080\" for every interface)", *listen)
		}
		addr = *listen
	}
	if *grace <= 0 {
		return e.usagef("--grace %v：20s のような長さを指定してください", "--grace %v: give a duration like 20s", *grace)
	}
	o, err := setupOps(ctx, e, j, *lf)
	if err != nil {
		return err
	}
	off := time.Duration(0) // the jobs' clock starts at --now when given
	if f.now != "" {
		off = time.Until(j.now)
	}
	if o.intake, err = clerk.NewSlackIntake(o.clerk, off, o.log, countingClient(o.m, "slack", 30*time.Second)); err != nil {
		return err
	}
	w := &jobWatch{m: o.m, hb: o.hb}
	s := timetable.New(j.cfg.Location, off, o.log, w)
	s.Grace = *grace
	w.h = timetable.NewHealth(s.Now)
	if o.intake != nil && j.cfg.SlackAppToken != "" {
		scrub := config.NewScrubber(j.cfg.Secrets()...)
		w.h.Depend("slack-socket-mode", func() error {
			if err := o.intake.SocketErr(); err != nil {
				return errors.New(scrub.Scrub(err.Error()))
			}
			return nil
		})
	}
	add := func(name, spec string, sched cron.Schedule, plan clerk.Plan) cron.Job {
		w.h.Track(name, spec, sched)
		return s.Add(name, sched, o.job(name, plan))
	}
	startup := add("startup", "", nil, clerk.Plan{Report: true, Slack: true})
	sc := o.clerk.Schedules
	add("report", sc.Specs.Report, sc.Report, clerk.Plan{Report: true})
	add("remind", sc.Specs.Remind, sc.Remind, clerk.Plan{Slack: true})
	add("summary", sc.Specs.Summary, sc.Summary, clerk.Plan{Slack: true})

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		s.Stop()
		return e.usagef("%s で /healthz と /metrics を待ち受けられません：%w（katsudo.yaml の listen か --listen で変えてください）", "listen on %s for /healthz and /metrics: %w (set listen in katsudo.yaml, or pass --listen)", addr, err)
	}
	o.log.Info("katsudo serve listening", "addr", ln.Addr().String(), "timezone", j.cfg.Timezone,
		"report", sc.Specs.Report, "remind", sc.Specs.Remind, "summary", sc.Specs.Summary)
	return o.serve(ctx, s, w.h, startup, ln, lockPath(j, e.getenv))
}

// serve answers /healthz and /metrics on ln, waits for the lock at path,
// then runs the start-up pass and the schedule until ctx ends, and stops
// within the scheduler's bounds.
func (o *ops) serve(ctx context.Context, s *timetable.Scheduler, h *timetable.Health, startup cron.Job, ln net.Listener, path string) error {
	srv := &http.Server{Handler: o.mux(h), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()

	o.m.set(mLockHeld, 0)
	l, err := lockfile.Wait(ctx, path, lockPoll, func(holder string) {
		o.log.Warn("another katsudo is working on this spreadsheet: waiting for it to stop", "lock_file", path, "holder", holder)
	})
	switch {
	case errors.Is(err, lockfile.ErrUnsupported):
		o.log.Warn("this system has no file lock: make sure only one katsudo runs at a time")
	case ctx.Err() != nil:
		l.Unlock()
		o.log.Info("katsudo serve stopped while waiting for the lock")
		return nil
	case err != nil:
		return lockError(err)
	}
	defer l.Unlock()
	if l != nil {
		o.clerk.Holder = holderID(path)
	}
	o.m.set(mLockHeld, 1)
	h.Active()
	s.Start()
	go startup.Run()
	o.intake.Start(ctx)
	defer o.intake.Stop()
	o.log.Info("katsudo serve running", "lock_file", path)

	var listenErr error
	select {
	case <-ctx.Done():
	case listenErr = <-served:
		o.log.Error("the /healthz listener stopped", "err", listenErr)
	}
	o.log.Info("katsudo serve stopping", "grace", s.Grace.String())
	start := time.Now()
	abandoned := s.Stop()
	took := time.Since(start).Round(time.Millisecond).String()
	if abandoned {
		o.log.Warn("katsudo serve stopped with a job still running", "took", took)
	} else {
		o.log.Info("katsudo serve stopped", "took", took)
	}
	if listenErr != nil {
		return fmt.Errorf("the /healthz listener stopped: %w", listenErr)
	}
	return nil
}

// job is a serve job doing one pass with the plan.
func (o *ops) job(name string, plan clerk.Plan) timetable.Job {
	return func(ctx context.Context, now time.Time) error {
		start := time.Now()
		out, err := o.pass(ctx, now, plan)
		out.Log(o.log, name, time.Since(start), err != nil)
		if err == nil {
			o.intake.AfterPass(ctx, out.Data)
		}
		return err
	}
}

// mux answers /healthz and /metrics.
func (o *ops) mux(h *timetable.Health) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", h)
	mux.Handle("GET /metrics", o.m)
	o.intake.Mount(mux)
	return mux
}

// intakeRun is logging from Slack inside serve (clerk.SlackIntake).
type intakeRun = clerk.SlackIntake
