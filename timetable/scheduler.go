// Package timetable runs serve's jobs on their schedules: robfig/cron in
// the organisation's time zone, one job at a time (they share the
// spreadsheet, and a local workbook is rewritten whole by each write), a
// run skipped while the same job is still running, a failed run tried
// again after a delay, and a stop that lets a running job finish within a
// grace before it is cancelled. What each run did is told to a Watcher —
// serve's /healthz, /metrics and heartbeat — so the timetable itself is
// tested without a server.
package timetable

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/robfig/cron/v3"
)

// Job is one of serve's jobs: a pass at now, the clock's time when it
// started, under ctx, which ends when serve stops and the grace is over.
type Job func(ctx context.Context, now time.Time) error

// Watcher hears of every run of every job. Ended is told the run's error
// (nil: it succeeded), how long it took and its failures in a row (0 after
// a success); ctx is the scheduler's, for a heartbeat after a success.
type Watcher interface {
	Began(name string)
	Ended(ctx context.Context, name string, err error, took time.Duration, failures int)
}

// Scheduler runs jobs on robfig/cron in the organisation's zone. Each job
// is wrapped SkipIfStillRunning outside Recover (in cron v3.0.1 the other
// order would leave a job skipped for ever after one panic), and the jobs
// run one at a time. A failed job is tried again after each of the Retry
// delays in turn (5, then 15 minutes) unless one of the tries succeeds;
// after that it waits for its next scheduled run.
type Scheduler struct {
	// Retry are the delays before a failed job is tried again.
	Retry []time.Duration
	// Grace is how long a running job may take to finish once the
	// scheduler is asked to stop; then its context is cancelled, and Stop
	// waits at most CancelWait more (the bot records what it sent, on a
	// bound of its own) before it gives up.
	Grace, CancelWait time.Duration

	cron  *cron.Cron
	log   *slog.Logger
	clock func() time.Time
	off   time.Duration // clock minus the real time (serve --now)
	watch Watcher

	one    sync.Mutex // held by the running job
	ctx    context.Context
	cancel context.CancelFunc

	mu       sync.Mutex
	stopping bool
	timers   map[*time.Timer]bool
	failures map[string]int // in a row, by job
	running  sync.WaitGroup
}

// New returns a stopped scheduler whose jobs see the real time shifted
// by off, in loc.
func New(loc *time.Location, off time.Duration, log *slog.Logger, watch Watcher) *Scheduler {
	ctx, cancel := context.WithCancel(context.Background())
	return &Scheduler{
		Retry:      []time.Duration{5 * time.Minute, 15 * time.Minute},
		Grace:      20 * time.Second,
		CancelWait: 40 * time.Second,
		cron:       cron.New(cron.WithLocation(loc), cron.WithLogger(cronLogger{log})),
		log:        log,
		clock:      func() time.Time { return time.Now().Add(off).In(loc) },
		off:        off,
		watch:      watch,
		ctx:        ctx,
		cancel:     cancel,
		timers:     map[*time.Timer]bool{},
		failures:   map[string]int{},
	}
}

// Now is the time on the jobs' clock.
func (s *Scheduler) Now() time.Time { return s.clock() }

// Add makes fn the job name, run on sched (nil: only when started by
// hand), read by the scheduler's clock, and returns it wrapped, ready to
// Run.
func (s *Scheduler) Add(name string, sched cron.Schedule, fn Job) cron.Job {
	cl := cronLogger{s.log.With("job", name)}
	var job cron.Job
	job = cron.NewChain(cron.SkipIfStillRunning(cl), cron.Recover(cl)).Then(cron.FuncJob(func() {
		s.run(name, fn, job)
	}))
	if sched != nil {
		s.cron.Schedule(Shift(sched, s.off), job)
	}
	return job
}

// enter counts a run in, unless the scheduler is stopping.
func (s *Scheduler) enter() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopping {
		return false
	}
	s.running.Add(1)
	return true
}

// isStopping reports whether Stop has begun.
func (s *Scheduler) isStopping() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopping
}

// run is one run of a job, inside the cron wrappers: it waits for the
// job running before it, records the run, and re-panics a panic for
// cron.Recover once it is recorded as a failure.
func (s *Scheduler) run(name string, fn Job, self cron.Job) {
	if !s.enter() {
		return
	}
	defer s.running.Done()
	s.one.Lock()
	defer s.one.Unlock()
	if s.isStopping() {
		return // it waited for another job, and the scheduler is stopping now
	}
	s.watch.Began(name)
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

// finish records how a run ended; on failure the error is logged and,
// while retries remain, self is run again after the next delay.
func (s *Scheduler) finish(name string, err error, took time.Duration, self cron.Job) {
	s.mu.Lock()
	n := 0
	if err != nil {
		n = s.failures[name] + 1
	}
	s.failures[name] = n
	s.mu.Unlock()
	s.watch.Ended(s.ctx, name, err, took, n)
	switch {
	case err == nil:
		return
	case errors.Is(err, context.Canceled) && s.ctx.Err() != nil:
		s.log.Warn("job cancelled: katsudo is stopping", "job", name)
		return
	case n > len(s.Retry):
		s.log.Error("job failed", "job", name, "err", err, "failures_in_a_row", n)
		return
	}
	wait := s.Retry[n-1]
	s.log.Error("job failed; trying again later", "job", name, "err", err, "failures_in_a_row", n, "retry_in", wait.String())
	s.after(wait, self.Run)
}
