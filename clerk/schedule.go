package clerk

import (
	"fmt"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/robfig/cron/v3"
)

// Schedules are the organisation's cron specs, read in its time zone: when
// serve refreshes the report, and when each kind of Slack message may go
// out — reminders, escalations and filing reminders on schedule.remind,
// the monthly summary on schedule.summary. Every command that sends
// follows them (see Release), so a reminder typed by hand at 08:00 waits
// for 10:00 like the timer's.
type Schedules struct {
	Report, Remind, Summary cron.Schedule
	Specs                   config.Schedule
	loc                     *time.Location
}

// ParseSchedules reads the config's specs in its zone. config.Load has
// checked them already; an error here names the key all the same.
func ParseSchedules(c config.Config) (Schedules, error) {
	s := Schedules{Specs: c.Schedule, loc: c.Location}
	for _, x := range []struct {
		key, spec string
		to        *cron.Schedule
	}{
		{"schedule.report", c.Schedule.Report, &s.Report},
		{"schedule.remind", c.Schedule.Remind, &s.Remind},
		{"schedule.summary", c.Schedule.Summary, &s.Summary},
	} {
		sch, err := ParseSchedule(x.spec, c.Location)
		if err != nil {
			return s, fmt.Errorf("%s: %q: %w", x.key, x.spec, err)
		}
		*x.to = sch
	}
	return s, nil
}

// ParseSchedule reads a five-field spec (or @daily and the like) with
// cron.ParseStandard and pins it to loc: "0 10 * * *" is 10:00 in loc
// whatever the machine's zone and whatever zone Next is given a time in.
func ParseSchedule(spec string, loc *time.Location) (cron.Schedule, error) {
	s, err := cron.ParseStandard(spec)
	if err != nil {
		return nil, err
	}
	if ss, ok := s.(*cron.SpecSchedule); ok {
		ss.Location = loc
	}
	return s, nil
}

// Release keeps the messages whose time has come at now — their kind's
// schedule has fired at least once since the start of the message's day
// — and returns the others' count and the earliest time one of them will
// be released. A message missed while katsudo was stopped, or by a pass
// that failed, has its schedule long fired and goes out with the next
// pass of any job: nothing is skipped, and nothing goes out before its
// time (a summary set for the 2nd never leaves on the 1st). Schedules
// not parsed (zero) release everything.
func (s Schedules) Release(msgs []activity.Message, now time.Time) (kept []activity.Message, held int, next time.Time) {
	if s.Remind == nil || s.Summary == nil {
		return msgs, 0, time.Time{}
	}
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
func (s Schedules) releaseTime(m activity.Message) time.Time {
	sch := s.Remind
	if m.Kind == activity.MessageSummary {
		sch = s.Summary
	}
	loc := s.loc
	if loc == nil {
		loc = time.UTC
	}
	return sch.Next(m.Day.Time(loc).Add(-time.Second))
}
