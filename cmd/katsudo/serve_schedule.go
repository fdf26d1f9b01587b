package main

import (
	"fmt"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/robfig/cron/v3"
)

// schedules are the organisation's cron specs, read in its time zone: when
// serve refreshes the report, and when each kind of Slack message may go
// out — reminders, escalations and filing reminders on schedule.remind,
// the monthly summary on schedule.summary.
type schedules struct {
	report, remind, summary cron.Schedule
	specs                   config.Schedule
	loc                     *time.Location
}

// parseSchedules reads the config's specs in its zone. config.Load has
// checked them already; an error here names the key all the same.
func parseSchedules(c config.Config) (schedules, error) {
	s := schedules{specs: c.Schedule, loc: c.Location}
	for _, x := range []struct {
		key, spec string
		to        *cron.Schedule
	}{
		{"schedule.report", c.Schedule.Report, &s.report},
		{"schedule.remind", c.Schedule.Remind, &s.remind},
		{"schedule.summary", c.Schedule.Summary, &s.summary},
	} {
		sch, err := parseSchedule(x.spec, c.Location)
		if err != nil {
			return s, fmt.Errorf("%s: %q: %w", x.key, x.spec, err)
		}
		*x.to = sch
	}
	return s, nil
}

// parseSchedule reads a five-field spec (or @daily and the like) with
// cron.ParseStandard and pins it to loc: "0 10 * * *" is 10:00 in loc
// whatever the machine's zone and whatever zone Next is given a time in.
func parseSchedule(spec string, loc *time.Location) (cron.Schedule, error) {
	s, err := cron.ParseStandard(spec)
	if err != nil {
		return nil, err
	}
	if ss, ok := s.(*cron.SpecSchedule); ok {
		ss.Location = loc
	}
	return s, nil
}

// release keeps the messages whose time has come at now — their kind's
// schedule has fired at least once since the start of the message's day
// — and returns the others' count and the earliest time one of them will
// be released. A message missed while katsudo was stopped, or by a pass
// that failed, has its schedule long fired and goes out with the next
// pass of any job: nothing is skipped, and nothing goes out before its
// time (a summary set for the 2nd never leaves on the 1st).
func (s schedules) release(msgs []activity.Message, now time.Time) (kept []activity.Message, held int, next time.Time) {
	for _, m := range msgs {
		at := s.releaseTime(m)
		switch {
		case !at.IsZero() && !at.After(now):
			kept = append(kept, m)
		default:
			held++
			if !at.IsZero() && (next.IsZero() || at.Before(next)) {
				next = at
			}
		}
	}
	return kept, held, next
}

// releaseTime is when a message may go out: the first time its kind's
// schedule fires on or after the start of its day.
func (s schedules) releaseTime(m activity.Message) time.Time {
	sch := s.remind
	if m.Kind == activity.KindSummary {
		sch = s.summary
	}
	return sch.Next(m.Day.Time(s.loc).Add(-time.Second))
}

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
