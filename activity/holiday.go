package activity

import (
	"sync"
	"time"
)

// The Japanese public holiday calendar decides when katsudo may send
// reminders (business days only) and where the filing deadline lands (moved
// to the next business day). It is computed from the rules of the 国民の祝日に
// 関する法律 for the years 1948 (when the law took effect) to 2099 (as far as
// the equinox formula holds); outside those years every weekday counts as a
// business day. Days after the years the government has announced are
// projections: a future law may still move a holiday, as it did in 2019–2021.
const (
	holidayFirstYear = 1948
	holidayLastYear  = 2099
)

// holidayCalendar is the computed calendar: one byte a day from
// holidayFirstYear-01-01, 0 for an ordinary day, otherwise 1 + the index of
// the holiday's name in names. It is built once and never changed, so any
// number of goroutines may read it.
type holidayCalendar struct {
	first int // day number of holidayFirstYear-01-01
	days  []uint8
	names []string
}

// holidays returns the calendar, building it on first use (about 55 KB).
var holidays = sync.OnceValue(func() *holidayCalendar {
	first := holidayDayNumber(holidayFirstYear, time.January, 1)
	end := holidayDayNumber(holidayLastYear+1, time.January, 1)
	c := &holidayCalendar{first: first, days: make([]uint8, end-first)}
	codes := make(map[string]uint8)
	for y := holidayFirstYear; y <= holidayLastYear; y++ {
		for dn, name := range holidaysOfYear(y) {
			code, ok := codes[name]
			if !ok {
				c.names = append(c.names, name)
				code = uint8(len(c.names))
				codes[name] = code
			}
			c.days[dn-first] = code
		}
	}
	return c
})

// holidayCode is the calendar's byte for the date of t in t's location and
// whether that date is a weekday, or 0 and ok false outside the calendar.
func holidayCode(t time.Time) (code uint8, weekday, ok bool) {
	y, m, d := t.Date()
	if y < holidayFirstYear || y > holidayLastYear {
		return 0, false, false
	}
	dn := holidayDayNumber(y, m, d)
	wd := holidayWeekday(dn)
	c := holidays()
	return c.days[dn-c.first], wd != time.Saturday && wd != time.Sunday, true
}

// Holiday returns the name of the Japanese public holiday on the calendar
// date of t (in t's location; only the year, month and day count), or "" and
// false. Names are spelled as in the public holiday_jp dataset: a substitute
// holiday is "<holiday> 振替休日" (e.g. "こどもの日 振替休日"), a day
// sandwiched between two holidays (国民の休日) is "休日", and the 2019
// accession days (天皇の即位の日, 即位礼正殿の儀) are "休日（祝日扱い）".
func Holiday(t time.Time) (name string, ok bool) {
	code, _, in := holidayCode(t)
	if !in || code == 0 {
		return "", false
	}
	return holidays().names[code-1], true
}

// IsBusinessDay reports whether t's date (in t's location) is a weekday that
// is not a public holiday, i.e. a day katsudo may send reminders on. The
// year-end days 12/29–1/3 are not holidays by law, and many offices still
// work them, so they count as business days here; an organisation that closes
// then has to say so elsewhere.
func IsBusinessDay(t time.Time) bool {
	code, weekday, in := holidayCode(t)
	if !in {
		wd := t.Weekday()
		return wd != time.Saturday && wd != time.Sunday
	}
	return weekday && code == 0
}

// NextBusinessDay returns t if its date is a business day, otherwise the
// first business day after it at the same wall-clock time in the same
// location (midnight stays midnight). The filing deadline of June 30 moves
// this way when it falls on a weekend.
func NextBusinessDay(t time.Time) time.Time {
	if IsBusinessDay(t) {
		return t
	}
	return AddBusinessDays(t, 1)
}

// AddBusinessDays returns the n-th business day after t's date, at t's
// wall-clock time in t's location: from a Friday, 1 is the next Monday unless
// that is a holiday; from a Saturday, 1 is also that Monday. With n == 0 it
// returns t unchanged, even on a holiday; a negative n counts business days
// backwards before t's date.
func AddBusinessDays(t time.Time, n int) time.Time {
	if n == 0 {
		return t
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	y, m, d := t.Date()
	k := 0
	for n > 0 {
		k += step
		if IsBusinessDay(time.Date(y, m, d+k, 12, 0, 0, 0, time.UTC)) {
			n--
		}
	}
	hh, mm, ss := t.Clock()
	return time.Date(y, m, d+k, hh, mm, ss, t.Nanosecond(), t.Location())
}
