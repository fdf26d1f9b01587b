package activity

import "time"

// Filing is the channel's reminder that the 事業報告書 of a fiscal year
// is due at the prefecture: the deadline (three months after the year
// ends, moved to the next business day), the days left, and the errors
// still open in the findings, the worst few listed.
type Filing struct {
	FiscalYear FiscalYear
	Deadline   Date
	DaysLeft   int
	Errors     int
	Warnings   int
	Worst      []Finding
}

// FilingDays are the days the channel is reminded of a fiscal year's
// filing deadline, given how many days before it the reminders start:
// once a week (on the first business day of each week-long stretch from
// the start), then every business day of the last five up to the
// deadline itself. Thirty days before a June 30 deadline make nine
// reminders, not thirty.
func FilingDays(fy FiscalYear, reminderDays int) []Date {
	if reminderDays <= 0 {
		return nil
	}
	deadline := nextBusinessDate(fy.FilingDeadline())
	start := addDays(deadline, -reminderDays)
	daily := addBusinessDates(deadline, -4)
	var out []Date
	seen := map[int]bool{}
	add := func(d Date) {
		if n := dayNumber(d); !seen[n] && n >= dayNumber(start) && n <= dayNumber(deadline) {
			seen[n] = true
			out = append(out, d)
		}
	}
	for s := start; dayNumber(s) < dayNumber(daily); s = addDays(s, 7) {
		if d := nextBusinessDate(s); dayNumber(d) < dayNumber(daily) {
			add(d)
		}
	}
	for d := daily; dayNumber(d) <= dayNumber(deadline); d = addBusinessDates(d, 1) {
		add(d)
	}
	return out
}

// dueFiling gives the filing reminder of the latest filing day up to
// today, for the fiscal year whose report is being prepared. A missed
// filing day is caught up once on the next business day; older ones are
// not repeated.
func dueFiling(d *Dataset, now time.Time, today Date, o DueOptions) []Message {
	if !isBusinessDate(today) {
		return nil
	}
	cur := FiscalYearOf(today.utc(), o.FiscalYearStartMonth)
	fy := FiscalYear{Year: cur.Year - 1, StartMonth: cur.StartMonth}
	var slot Date
	for _, day := range FilingDays(fy, o.FilingReminderDays) {
		if dayNumber(day) <= dayNumber(today) {
			slot = day
		}
	}
	deadline := nextBusinessDate(fy.FilingDeadline())
	if slot.IsZero() || dayNumber(today) > dayNumber(deadline) {
		return nil
	}
	m := newMessage(MessageFiling, fiscalPeriod(fy), Recipient{}, slot, today)
	fs := o.findings(d, fy, now)
	f := &Filing{FiscalYear: fy, Deadline: deadline, DaysLeft: dayNumber(deadline) - dayNumber(today)}
	f.Errors, f.Warnings = Count(fs)
	for _, x := range fs {
		if x.Severity == SeverityError && len(f.Worst) < SummaryWorst {
			f.Worst = append(f.Worst, x)
		}
	}
	m.Filing = f
	return []Message{m}
}
