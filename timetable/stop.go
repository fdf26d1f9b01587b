package timetable

import (
	"log/slog"
	"time"
)

// after runs f after d, unless the scheduler stops first.
func (s *Scheduler) after(d time.Duration, f func()) {
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

// Start starts the schedule.
func (s *Scheduler) Start() { s.cron.Start() }

// Stop stops the schedule and the retries, lets a running job finish
// within the Grace, then cancels it and waits at most CancelWait more. It
// reports whether a job was still running when it gave up waiting. A
// scheduler that never started may be stopped too, to release it.
func (s *Scheduler) Stop() (abandoned bool) {
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
	grace := time.NewTimer(s.Grace)
	defer grace.Stop()
	select {
	case <-done:
		s.cancel()
		return false
	case <-grace.C:
	}
	s.log.Warn("a job is still running after the grace period: cancelling it", "grace", s.Grace.String())
	s.cancel()
	bound := time.NewTimer(s.CancelWait)
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
