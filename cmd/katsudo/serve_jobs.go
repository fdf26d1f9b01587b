package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	stdsync "sync"
	"time"

	"github.com/robfig/cron/v3"
)

// jobFunc is one of serve's jobs: a pass at now, the clock's time when it
// started, under ctx, which ends when serve stops and the grace is over.
type jobFunc func(ctx context.Context, now time.Time) error

// scheduler runs serve's jobs on robfig/cron in the organisation's zone.
// Each job is wrapped SkipIfStillRunning outside Recover (in cron v3.0.1
// the other order would leave a job skipped for ever after one panic),
// and the jobs run one at a time: they share the spreadsheet, and a local
// workbook is rewritten whole by each write. A failed job is tried again
// after each of the retry delays in turn (5, then 15 minutes) unless one
// of the tries succeeds; after that it waits for its next scheduled run.
// Every run is logged, counted and recorded for /healthz, and the
// heartbeat is pinged after each success.
type scheduler struct {
	cron   *cron.Cron
	log    *slog.Logger
	clock  func() time.Time
	off    time.Duration // clock minus the real time (serve --now)
	health *health
	m      *metrics
	hb     heartbeat
	retry  []time.Duration
	// grace is how long a running job may take to finish once serve is
	// asked to stop; then its context is cancelled, and serve waits at
	// most cancelWait more (the bot records what it sent, on a bound of
	// its own) before it exits anyway.
	grace, cancelWait time.Duration

	one    stdsync.Mutex // held by the running job
	ctx    context.Context
	cancel context.CancelFunc

	mu       stdsync.Mutex
	stopping bool
	timers   map[*time.Timer]bool
	running  stdsync.WaitGroup
}

// newScheduler returns a stopped scheduler whose jobs see the real time
// shifted by off, in loc.
func newScheduler(loc *time.Location, off time.Duration, log *slog.Logger, m *metrics, hb heartbeat) *scheduler {
	ctx, cancel := context.WithCancel(context.Background())
	s := &scheduler{
		cron:       cron.New(cron.WithLocation(loc), cron.WithLogger(cronLogger{log})),
		log:        log,
		clock:      func() time.Time { return time.Now().Add(off).In(loc) },
		off:        off,
		m:          m,
		hb:         hb,
		retry:      []time.Duration{5 * time.Minute, 15 * time.Minute},
		grace:      20 * time.Second,
		cancelWait: 40 * time.Second,
		ctx:        ctx,
		cancel:     cancel,
		timers:     map[*time.Timer]bool{},
	}
	s.health = newHealth(s.clock)
	return s
}

// add makes fn the job name, run on sched (nil: only when started by
// hand), read by the scheduler's clock, and returns it wrapped, ready to
// Run.
func (s *scheduler) add(name, spec string, sched cron.Schedule, fn jobFunc) cron.Job {
	s.health.track(name, spec, sched)
	cl := cronLogger{s.log.With("job", name)}
	var job cron.Job
	job = cron.NewChain(cron.SkipIfStillRunning(cl), cron.Recover(cl)).Then(cron.FuncJob(func() {
		s.run(name, fn, job)
	}))
	switch {
	case sched != nil && s.off != 0:
		s.cron.Schedule(shifted{inner: sched, off: s.off}, job)
	case sched != nil:
		s.cron.Schedule(sched, job)
	}
	return job
}

// enter counts a run in, unless serve is stopping.
func (s *scheduler) enter() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopping {
		return false
	}
	s.running.Add(1)
	return true
}

// isStopping reports whether stop has begun.
func (s *scheduler) isStopping() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopping
}

// run is one run of a job, inside the cron wrappers: it waits for the
// job running before it, records the run, and re-panics a panic for
// cron.Recover once it is recorded as a failure.
func (s *scheduler) run(name string, fn jobFunc, self cron.Job) {
	if !s.enter() {
		return
	}
	defer s.running.Done()
	s.one.Lock()
	defer s.one.Unlock()
	if s.isStopping() {
		return // it waited for another job, and serve is stopping now
	}
	s.health.begin(name)
	s.m.add(mJobRuns, 1, "job", name)
	start := time.Now()
	defer func() {
		if r := recover(); r != nil {
			s.finish(name, fmt.Errorf("panic: %v", r), time.Since(start), self)
			panic(r) // for cron.Recover, which logs the stack
		}
	}()
	err := fn(s.ctx, s.clock())
	// A pass over a large log peaks at hundreds of MB; give it back to
	// the system before the run is recorded (a retry may follow at once),
	// so an idle serve sits near its start-up footprint between passes.
	debug.FreeOSMemory()
	s.finish(name, err, time.Since(start), self)
}

// finish records how a run ended: on success the heartbeat is pinged;
// on failure the error is logged and, while retries remain, self is run
// again after the next delay.
func (s *scheduler) finish(name string, err error, took time.Duration, self cron.Job) {
	n := s.health.end(name, err)
	s.m.set(mJobDuration, took.Seconds(), "job", name)
	if err == nil {
		s.m.set(mJobSuccess, float64(s.clock().Unix()), "job", name)
		s.hb.ping(s.ctx)
		return
	}
	s.m.add(mJobFailures, 1, "job", name)
	if errors.Is(err, context.Canceled) && s.ctx.Err() != nil {
		s.log.Warn("job cancelled: katsudo is stopping", "job", name)
		return
	}
	if n > len(s.retry) {
		s.log.Error("job failed", "job", name, "err", err, "failures_in_a_row", n)
		return
	}
	wait := s.retry[n-1]
	s.log.Error("job failed; trying again later", "job", name, "err", err, "failures_in_a_row", n, "retry_in", wait.String())
	s.after(wait, self.Run)
}

// after runs f after d, unless serve stops first.
func (s *scheduler) after(d time.Duration, f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopping {
		return
	}
	var t *time.Timer
	t = time.AfterFunc(d, func() {
		s.mu.Lock()
		delete(s.timers, t)
		s.mu.Unlock()
		f()
	})
	s.timers[t] = true
}

// start starts the schedule.
func (s *scheduler) start() { s.cron.Start() }

// stop stops the schedule and the retries, lets a running job finish
// within the grace, then cancels it and waits at most cancelWait more. It
// reports whether a job was still running when it gave up waiting.
func (s *scheduler) stop() (abandoned bool) {
	cronDone := s.cron.Stop()
	s.mu.Lock()
	s.stopping = true
	for t := range s.timers {
		t.Stop()
	}
	s.mu.Unlock()
	done := make(chan struct{})
	go func() {
		s.running.Wait()
		<-cronDone.Done()
		close(done)
	}()
	grace := time.NewTimer(s.grace)
	defer grace.Stop()
	select {
	case <-done:
		s.cancel()
		return false
	case <-grace.C:
	}
	s.log.Warn("a job is still running after the grace period: cancelling it", "grace", s.grace.String())
	s.cancel()
	bound := time.NewTimer(s.cancelWait)
	defer bound.Stop()
	select {
	case <-done:
		return false
	case <-bound.C:
		return true
	}
}

// cronLogger passes robfig/cron's log to slog: its routine chatter at
// debug level, skipped runs at info, panics at error.
type cronLogger struct{ log *slog.Logger }

// Info logs cron's routine messages at debug level, a skipped run at info.
func (c cronLogger) Info(msg string, kv ...any) {
	if msg == "skip" {
		c.log.Info("job still running: this run skipped")
		return
	}
	c.log.Debug("cron "+msg, kv...)
}

// Error logs cron's errors: a job's panic, with its stack.
func (c cronLogger) Error(err error, msg string, kv ...any) {
	c.log.Error("cron "+msg, append([]any{"err", err}, kv...)...)
}
