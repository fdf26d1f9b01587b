package activity

import (
	"fmt"
	"time"
)

// Window is the stretch of business days in which members are reminded
// about one closed month: from the first business day after the month
// closes (Open) to the day its entries are due (Deadline), both included.
// Deadline is deadline_day of the next month, moved to the next business
// day when it falls on a weekend or a public holiday, the way Japanese
// offices move any 期限. The deadline-day escalation goes to the channel
// on Deadline.
type Window struct {
	Month, Open, Deadline Date
}

// ReminderWindow is the reminder window of a month for a deadline day.
func ReminderWindow(month Date, deadlineDay int) Window {
	first := Date{Year: month.Year, Month: month.Month + 1, Day: 1}.norm()
	due := Date{Year: first.Year, Month: first.Month, Day: max(deadlineDay, 1)}.norm()
	return Window{Month: Date{Year: month.Year, Month: month.Month}, Open: nextBusinessDate(first), Deadline: nextBusinessDate(due)}
}

// CurrentMonth is the closed month whose reminder window is the latest
// to have opened by today: the previous month once its window opens,
// the month before until then (on January 1–3 it is still November).
func CurrentMonth(today Date, deadlineDay int) Date {
	m := addMonths(Date{Year: today.Year, Month: today.Month}, -1)
	if dayNumber(today) < dayNumber(ReminderWindow(m, deadlineDay).Open) {
		m = addMonths(m, -1)
	}
	return m
}

// DateOf is the calendar date of t in loc.
func DateOf(t time.Time, loc *time.Location) Date {
	if loc != nil {
		t = t.In(loc)
	}
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// ISO is the date as 2021-12-06, or the month as 2021-12.
func (d Date) ISO() string {
	if d.IsMonth() {
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// ParseMonth reads a month given as 2021-11 (as `--month` takes it).
func ParseMonth(s string) (Date, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return Date{}, fmt.Errorf("month %q: use YYYY-MM, like 2021-11", s)
	}
	return Date{Year: t.Year(), Month: t.Month()}, nil
}

// FormatDay prints a day for members: 2021年12月6日（月） or Mon 6 Dec 2021.
func FormatDay(d Date, lang Lang) string {
	wd := d.utc().Weekday()
	if lang == English {
		return wd.String()[:3] + " " + enDate(d, true)
	}
	return jaDate(d, true) + "（" + string([]rune("日月火水木金土")[wd]) + "）"
}

// FormatMonth prints a month for members: 2021年11月 or Nov 2021.
func FormatMonth(d Date, lang Lang) string {
	d.Day = 0
	if lang == English {
		return enDate(d, true)
	}
	return jaDate(d, true)
}

func (d Date) utc() time.Time {
	return time.Date(d.Year, d.Month, max(d.Day, 1), 12, 0, 0, 0, time.UTC)
}

// norm brings an out-of-range month or day back into the calendar
// (December 32 is January 1, March 0 is the last day of February).
func (d Date) norm() Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC), nil)
}

func addDays(d Date, n int) Date { return Date{Year: d.Year, Month: d.Month, Day: d.Day + n}.norm() }

func addMonths(m Date, n int) Date {
	k := m.MonthKey() + n
	return Date{Year: k / 12, Month: time.Month(k%12 + 1)}
}

// dayNumber orders days: the number of days since 1970-01-01.
func dayNumber(d Date) int { return int(d.utc().Unix() / 86400) }

func isBusinessDate(d Date) bool { return IsBusinessDay(d.utc()) }

func nextBusinessDate(d Date) Date { return DateOf(NextBusinessDay(d.utc()), nil) }

func addBusinessDates(d Date, n int) Date { return DateOf(AddBusinessDays(d.utc(), n), nil) }
