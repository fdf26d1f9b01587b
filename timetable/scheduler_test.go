package timetable_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	stdsync "sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/config"
	"github.com/katsudo-npo/katsudo/timetable"
	"github.com/robfig/cron/v3"
)

// watch records what the scheduler tells its watcher, by job.
type watch struct {
	mu       stdsync.Mutex
	runs     map[string]int
	failures map[string]int  // runs that ended with an error
	last     map[string]bool // whether the last run succeeded
	inARow   map[string]int  // the failures in a row told last
}

func (w *watch) Began(name string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.runs[name]++
}

func (w *watch) Ended(_ context.Context, name string, err error, _ time.Duration, n int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err != nil {
		w.failures[name]++
	}
	w.last[name], w.inARow[name] = err == nil, n
}

// MustScheduler returns a stopped scheduler with a quiet log, and what
// its watcher heard.
func MustScheduler(tb testing.TB) (*timetable.Scheduler, *watch) {
	tb.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	w := &watch{runs: map[string]int{}, failures: map[string]int{}, last: map[string]bool{}, inARow: map[string]int{}}
	s := timetable.New(config.Default().Location, 0, log, w)
	tb.Cleanup(func() { s.Stop() })
	return s, w
}

// within fails the test unless done closes within a bound generous enough
// for any machine.
func within(tb testing.TB, done <-chan struct{}, what string) {
	tb.Helper()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		tb.Fatalf("%s: not done after 20s", what)
	}
}

func TestSchedulerShutdown(t *testing.T) {
	t.Run("RunningJobFinishes", func(t *testing.T) {
		s, _ := MustScheduler(t)
		s.Grace = 20 * time.Second
		started, release := make(chan struct{}), make(chan struct{})
		var cancelled atomic.Bool
		job := s.Add("report", nil, func(ctx context.Context, _ time.Time) error {
			close(started)
			select {
			case <-release:
			case <-ctx.Done():
				cancelled.Store(true)
			}
			return ctx.Err()
		})
		go job.Run()
		within(t, started, "job start")
		stopped := make(chan struct{})
		go func() { s.Stop(); close(stopped) }()
		select {
		case <-stopped:
			t.Fatal("stop returned while the job was still running")
		case <-time.After(100 * time.Millisecond):
		}
		close(release)
		within(t, stopped, "stop")
		if cancelled.Load() {
			t.Error("the job was cancelled although it finished within the grace")
		}
	})
	t.Run("CancelledAfterGrace", func(t *testing.T) {
		s, _ := MustScheduler(t)
		s.Grace = 50 * time.Millisecond
		started := make(chan struct{})
		var cancelled atomic.Bool
		job := s.Add("remind", nil, func(ctx context.Context, _ time.Time) error {
			close(started)
			<-ctx.Done()
			cancelled.Store(true)
			return ctx.Err()
		})
		go job.Run()
		within(t, started, "job start")
		start := time.Now()
		abandoned := s.Stop()
		took := time.Since(start)
		if abandoned || !cancelled.Load() {
			t.Errorf("abandoned %v, cancelled %v; want the job cancelled and waited for", abandoned, cancelled.Load())
		}
		if took > s.Grace+10*time.Second {
			t.Errorf("stop took %v with a grace of %v", took, s.Grace)
		}
		t.Logf("a job honouring its context: stopped %v after SIGTERM (grace %v)", took.Round(time.Millisecond), s.Grace)
	})
	t.Run("StuckJobAbandonedAfterBound", func(t *testing.T) {
		s, _ := MustScheduler(t)
		s.Grace, s.CancelWait = 50*time.Millisecond, 100*time.Millisecond
		started, release := make(chan struct{}), make(chan struct{})
		defer close(release)
		job := s.Add("summary", nil, func(context.Context, time.Time) error {
			close(started)
			<-release // ignores its context
			return nil
		})
		go job.Run()
		within(t, started, "job start")
		start := time.Now()
		abandoned := s.Stop()
		took := time.Since(start)
		if !abandoned || took > s.Grace+s.CancelWait+10*time.Second {
			t.Errorf("abandoned %v after %v; want true within the grace and the bound", abandoned, took)
		}
		t.Logf("a job ignoring its context: stopped %v after SIGTERM (grace %v + bound %v)", took.Round(time.Millisecond), s.Grace, s.CancelWait)
	})
	t.Run("NoJobStartsWhileStopping", func(t *testing.T) {
		s, _ := MustScheduler(t)
		var runs atomic.Int32
		job := s.Add("report", nil, func(context.Context, time.Time) error {
			runs.Add(1)
			return nil
		})
		s.Stop()
		job.Run()
		if runs.Load() != 0 {
			t.Error("a job ran after stop")
		}
	})
}

func TestSchedulerJobs(t *testing.T) {
	t.Run("PanicThenRunsAgain", func(t *testing.T) {
		s, w := MustScheduler(t)
		var runs atomic.Int32
		job := s.Add("report", nil, func(context.Context, time.Time) error {
			if runs.Add(1) == 1 {
				panic("a bug")
			}
			return nil
		})
		job.Run() // Recover catches the panic inside SkipIfStillRunning
		job.Run()
		if runs.Load() != 2 {
			t.Fatalf("ran %d times; want 2: one panic must not stop the job", runs.Load())
		}
		if got := w.failures["report"]; got != 1 {
			t.Errorf("failures = %v, want 1 (the panic)", got)
		}
	})
	t.Run("TheOtherOrderSkipsForEver", func(t *testing.T) {
		// Why the order matters, in robfig/cron v3.0.1: with Recover
		// outside, the panic leaves SkipIfStillRunning's token taken.
		var runs int
		l := cron.DiscardLogger
		job := cron.NewChain(cron.Recover(l), cron.SkipIfStillRunning(l)).Then(cron.FuncJob(func() {
			runs++
			panic("a bug")
		}))
		job.Run()
		job.Run()
		if runs != 1 {
			t.Errorf("ran %d times; the library changed, and the ordering note may be out of date", runs)
		}
	})
	t.Run("FailureIsRetried", func(t *testing.T) {
		s, w := MustScheduler(t)
		s.Retry = []time.Duration{time.Millisecond}
		done := make(chan struct{})
		var runs atomic.Int32
		job := s.Add("remind", nil, func(context.Context, time.Time) error {
			if runs.Add(1) == 1 {
				return errors.New("Slack is down")
			}
			close(done)
			return nil
		})
		job.Run()
		within(t, done, "retry")
		// The retry closed done from inside the job, before the scheduler
		// recorded its success: stop waits for the running job to finish
		// (its record included) before the health is read.
		if s.Stop() {
			t.Fatal("the retried job was abandoned")
		}
		if !w.last["remind"] || w.inARow["remind"] != 0 || w.runs["remind"] != 2 {
			t.Errorf("after the retry: %d runs, last succeeded %v, %d failures in a row; want 2, true, 0", w.runs["remind"], w.last["remind"], w.inARow["remind"])
		}
	})
	t.Run("OneJobAtATime", func(t *testing.T) {
		s, _ := MustScheduler(t)
		var active, most atomic.Int32
		fn := func(context.Context, time.Time) error {
			n := active.Add(1)
			if n > most.Load() {
				most.Store(n)
			}
			time.Sleep(10 * time.Millisecond)
			active.Add(-1)
			return nil
		}
		jobs := []cron.Job{s.Add("report", nil, fn), s.Add("remind", nil, fn), s.Add("summary", nil, fn)}
		var wg stdsync.WaitGroup
		for _, j := range jobs {
			wg.Go(j.Run)
		}
		wg.Wait()
		if most.Load() != 1 {
			t.Errorf("%d jobs ran at once; want 1", most.Load())
		}
	})
	t.Run("SkipIfStillRunning", func(t *testing.T) {
		s, _ := MustScheduler(t)
		started, release := make(chan struct{}), make(chan struct{})
		var runs atomic.Int32
		job := s.Add("report", nil, func(context.Context, time.Time) error {
			if runs.Add(1) == 1 {
				close(started)
				<-release
			}
			return nil
		})
		first := make(chan struct{})
		go func() { job.Run(); close(first) }()
		within(t, started, "first run")
		job.Run() // returns at once: skipped
		close(release)
		within(t, first, "first run to end")
		if runs.Load() != 1 {
			t.Errorf("ran %d times; want the second run skipped", runs.Load())
		}
	})
}
