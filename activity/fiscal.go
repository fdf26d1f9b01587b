package activity

import (
	"strconv"
	"time"
)

// FiscalYear is the organisation's accounting year, named after the
// calendar year it starts in: FY2021 with an April start runs from
// 2021-04-01 to 2022-03-31.
type FiscalYear struct {
	Year       int
	StartMonth time.Month
}

// FiscalYearOf is the fiscal year that contains t's calendar date.
func FiscalYearOf(t time.Time, startMonth time.Month) FiscalYear {
	if startMonth < time.January || startMonth > time.December {
		startMonth = time.April
	}
	y := t.Year()
	if t.Month() < startMonth {
		y--
	}
	return FiscalYear{Year: y, StartMonth: startMonth}
}

// Start is the first day of the fiscal year.
func (fy FiscalYear) Start() Date { return Date{Year: fy.Year, Month: fy.StartMonth, Day: 1} }

// End is the last day of the fiscal year.
func (fy FiscalYear) End() Date {
	t := time.Date(fy.Year+1, fy.StartMonth, 0, 0, 0, 0, 0, time.UTC)
	return Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}

// Contains reports whether a logged date (a day or a whole month) falls
// in the fiscal year.
func (fy FiscalYear) Contains(d Date) bool {
	k := d.MonthKey()
	first := fy.Start().MonthKey()
	return k >= first && k < first+12
}

// Months are the twelve months of the year, in order, as whole-month dates.
func (fy FiscalYear) Months() []Date {
	ms := make([]Date, 12)
	for i := range ms {
		k := fy.Start().MonthKey() + i
		ms[i] = Date{Year: k / 12, Month: time.Month(k%12 + 1)}
	}
	return ms
}

// String is "2021" — the report says 2021年度.
func (fy FiscalYear) String() string { return strconv.Itoa(fy.Year) }

// FilingDeadline is the day the report is due at the prefecture: three
// months after the year ends (June 30 for an April start), before any
// move to a business day.
func (fy FiscalYear) FilingDeadline() Date {
	end := fy.End()
	t := time.Date(end.Year, end.Month+4, 0, 0, 0, 0, 0, time.UTC)
	return Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}

// ReportingYear is the fiscal year a scheduled report should show at now:
// the year just closed until its report has been filed with the prefecture
// (the filing deadline, moved to the next business day, has passed), then
// the current year. From April to June the secretariat is finishing last
// year's report, not starting this year's.
func ReportingYear(now time.Time, loc *time.Location, startMonth time.Month) FiscalYear {
	now = now.In(loc)
	cur := FiscalYearOf(now, startMonth)
	prev := FiscalYear{Year: cur.Year - 1, StartMonth: cur.StartMonth}
	due := prev.FilingDeadline()
	last := NextBusinessDay(time.Date(due.Year, due.Month, due.Day, 0, 0, 0, 0, loc))
	if now.Before(last.AddDate(0, 0, 1)) {
		return prev
	}
	return cur
}
