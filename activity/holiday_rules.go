package activity

import "time"

// holidayRule is one line of the 国民の祝日に関する法律 (or of a special law
// that made a single day a holiday): the holiday called name falls in month
// on the day that on returns, in every year from first to last (last 0: still
// in force).
type holidayRule struct {
	name        string
	first, last int
	month       time.Month
	on          func(year int) int
}

// onDay is a rule's fixed day of the month.
func onDay(d int) func(int) int { return func(int) int { return d } }

// onMonday is a rule's nth Monday of month m (the "Happy Monday" system
// since 2000).
func onMonday(m time.Month, n int) func(int) int {
	return func(y int) int {
		first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Weekday()
		return 1 + (int(time.Monday)-int(first)+7)%7 + 7*(n-1)
	}
}

// vernalEquinoxDay is the March day of 春分の日 by the standard formula
// (valid 1900–2099). The official day is announced by the National
// Astronomical Observatory a year ahead; the formula agrees with every
// announcement so far.
func vernalEquinoxDay(y int) int {
	if y < 1980 {
		return int(20.8357 + 0.242194*float64(y-1980) - float64((y-1983)/4))
	}
	return int(20.8431 + 0.242194*float64(y-1980) - float64((y-1980)/4))
}

// autumnalEquinoxDay is the September day of 秋分の日 by the standard
// formula (valid 1900–2099).
func autumnalEquinoxDay(y int) int {
	if y < 1980 {
		return int(23.2588 + 0.242194*float64(y-1980) - float64((y-1983)/4))
	}
	return int(23.2488 + 0.242194*float64(y-1980) - float64((y-1980)/4))
}

// holidayRules are the national holidays (国民の祝日) and the days special
// laws treated as such, with the years each applied. The law took effect on
// 1948-07-20, so 1948 has only the holidays after that day. Names follow the
// holiday_jp dataset, which the tests check against: the 2019 accession days
// are 休日（祝日扱い） and 2019's October holiday is 体育の日（スポーツの日）.
var holidayRules = []holidayRule{
	{"元日", 1949, 0, time.January, onDay(1)},
	{"成人の日", 1949, 1999, time.January, onDay(15)},
	{"成人の日", 2000, 0, time.January, onMonday(time.January, 2)},
	{"建国記念の日", 1967, 0, time.February, onDay(11)},
	{"天皇誕生日", 1949, 1988, time.April, onDay(29)},
	{"天皇誕生日", 1989, 2018, time.December, onDay(23)},
	{"天皇誕生日", 2020, 0, time.February, onDay(23)},
	{"春分の日", 1949, 0, time.March, vernalEquinoxDay},
	{"みどりの日", 1989, 2006, time.April, onDay(29)},
	{"昭和の日", 2007, 0, time.April, onDay(29)},
	{"憲法記念日", 1949, 0, time.May, onDay(3)},
	{"みどりの日", 2007, 0, time.May, onDay(4)},
	{"こどもの日", 1949, 0, time.May, onDay(5)},
	{"海の日", 1996, 2002, time.July, onDay(20)},
	{"海の日", 2003, 2019, time.July, onMonday(time.July, 3)},
	{"海の日", 2020, 2020, time.July, onDay(23)}, // Tokyo Olympics
	{"海の日", 2021, 2021, time.July, onDay(22)}, // Tokyo Olympics, postponed
	{"海の日", 2022, 0, time.July, onMonday(time.July, 3)},
	{"山の日", 2016, 2019, time.August, onDay(11)},
	{"山の日", 2020, 2020, time.August, onDay(10)},
	{"山の日", 2021, 2021, time.August, onDay(8)},
	{"山の日", 2022, 0, time.August, onDay(11)},
	{"敬老の日", 1966, 2002, time.September, onDay(15)},
	{"敬老の日", 2003, 0, time.September, onMonday(time.September, 3)},
	{"秋分の日", 1948, 0, time.September, autumnalEquinoxDay},
	{"体育の日", 1966, 1999, time.October, onDay(10)},
	{"体育の日", 2000, 2018, time.October, onMonday(time.October, 2)},
	{"体育の日（スポーツの日）", 2019, 2019, time.October, onMonday(time.October, 2)},
	{"スポーツの日", 2020, 2020, time.July, onDay(24)},
	{"スポーツの日", 2021, 2021, time.July, onDay(23)},
	{"スポーツの日", 2022, 0, time.October, onMonday(time.October, 2)},
	{"文化の日", 1948, 0, time.November, onDay(3)},
	{"勤労感謝の日", 1948, 0, time.November, onDay(23)},

	// Single days made holidays by special laws.
	{"結婚の儀", 1959, 1959, time.April, onDay(10)}, // 皇太子明仁親王の結婚の儀
	{"大喪の礼", 1989, 1989, time.February, onDay(24)},
	{"即位礼正殿の儀", 1990, 1990, time.November, onDay(12)},
	{"結婚の儀", 1993, 1993, time.June, onDay(9)},         // 皇太子徳仁親王の結婚の儀
	{"休日（祝日扱い）", 2019, 2019, time.May, onDay(1)},      // 天皇の即位の日
	{"休日（祝日扱い）", 2019, 2019, time.October, onDay(22)}, // 即位礼正殿の儀
}

var (
	// substituteHolidaysFrom is the day 振替休日 began (1973-04-12).
	substituteHolidaysFrom = holidayDayNumber(1973, time.April, 12)
	// sandwichedHolidaysFrom is the day 国民の休日 began (1985-12-27).
	sandwichedHolidaysFrom = holidayDayNumber(1985, time.December, 27)
)

// holidaysOfYear returns the holidays of year y keyed by day number:
// the national holidays, their substitutes (named "<holiday> 振替休日") and
// the sandwiched days (named "休日").
func holidaysOfYear(y int) map[int]string {
	national := make(map[int]string, 24)
	for _, r := range holidayRules {
		if y < r.first || (r.last != 0 && y > r.last) {
			continue
		}
		national[holidayDayNumber(y, r.month, r.on(y))] = r.name
	}
	all := make(map[int]string, len(national)+8)
	for dn, name := range national {
		all[dn] = name
	}

	// 振替休日: a national holiday on a Sunday gives the next day off. Until
	// 2006 that was the Monday unless it was itself a holiday; since 2007 it is
	// the first following day that is not a national holiday.
	for dn, name := range national {
		if dn < substituteHolidaysFrom || holidayWeekday(dn) != time.Sunday {
			continue
		}
		s := dn + 1
		if y >= 2007 {
			for national[s] != "" {
				s++
			}
		} else if national[s] != "" {
			continue
		}
		all[s] = name + " 振替休日"
	}

	// 国民の休日: a day between two national holidays is a holiday if it is
	// not one already (and, until 2006, not a Sunday or a substitute).
	for dn := range national {
		mid := dn + 1
		if mid < sandwichedHolidaysFrom || national[mid+1] == "" || all[mid] != "" {
			continue
		}
		if y < 2007 && holidayWeekday(mid) == time.Sunday {
			continue
		}
		all[mid] = "休日"
	}
	return all
}

// holidayDayNumber counts days from 1970-01-01 to the given date of the
// proleptic Gregorian calendar (negative before 1970). The year must not be
// negative.
func holidayDayNumber(y int, m time.Month, d int) int {
	if m <= time.February {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (int(m) + 9) % 12 // March is 0
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// holidayWeekday is the weekday of a day number; 1970-01-01 was a Thursday.
func holidayWeekday(dn int) time.Weekday {
	return time.Weekday(((dn+4)%7 + 7) % 7)
}
