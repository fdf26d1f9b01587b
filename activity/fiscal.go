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
