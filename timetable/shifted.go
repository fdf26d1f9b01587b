package timetable

import (
	"time"

	"github.com/robfig/cron/v3"
)

// shifted is a schedule as seen from a clock that runs off from the real
// one (serve --now): it fires when the shifted clock reaches the times
// of the inner schedule.
type shifted struct {
	inner cron.Schedule
	off   time.Duration // the shifted clock minus the real one
}

// Next is the inner schedule's next time after t, both on the shifted clock, as a real time.
func (s shifted) Next(t time.Time) time.Time {
	n := s.inner.Next(t.Add(s.off))
	if n.IsZero() {
		return n
	}
	return n.Add(-s.off)
}

// Shift is sched as seen from a clock that runs off ahead of the real
// one (off negative: behind): what `serve --now` runs on.
func Shift(sched cron.Schedule, off time.Duration) cron.Schedule {
	if off == 0 {
		return sched
	}
	return shifted{inner: sched, off: off}
}
