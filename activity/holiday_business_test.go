package activity_test

import (
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
)

func TestIsBusinessDay(t *testing.T) {
	tests := []struct {
		date string
		want bool
	}{
		{"2022-06-30", true},  // Thursday
		{"2022-07-02", false}, // Saturday
		{"2022-07-03", false}, // Sunday
		{"2021-05-03", false}, // 憲法記念日
		{"2021-07-19", true},  // 海の日 moved to 7/22
		{"2023-01-02", false}, // 元日 振替休日
		{"2022-12-29", true},  // year-end: not a holiday by law
		{"2023-01-03", true},  // year-end: not a holiday by law
		{"2100-01-01", true},  // Friday, beyond the calendar
		{"2100-01-02", false}, // Saturday, beyond the calendar
	}
	for _, loc := range []*time.Location{MustHolidayTokyo(t), time.UTC} {
		for _, tc := range tests {
			if got := activity.IsBusinessDay(MustHolidayDate(t, tc.date, loc)); got != tc.want {
				t.Errorf("IsBusinessDay(%s %s) = %v; want %v", tc.date, loc, got, tc.want)
			}
		}
	}
}

func TestNextBusinessDay(t *testing.T) {
	tests := []struct {
		name, from, want string
	}{
		{"BusinessDayIsItself", "2022-06-30 17:30", "2022-06-30 17:30"},
		{"SaturdayToMonday", "2022-07-02 09:00", "2022-07-04 09:00"},
		{"SundayToMonday", "2022-07-03 00:00", "2022-07-04 00:00"},
		{"GoldenWeek", "2021-05-03 10:00", "2021-05-06 10:00"},
		{"TenDayGoldenWeek2019", "2019-04-27 08:15", "2019-05-07 08:15"},
		{"DeadlineOnSunday", "2024-06-30 00:00", "2024-07-01 00:00"},
		{"DeadlineOnSaturday", "2029-06-30 00:00", "2029-07-02 00:00"},
	}
	for _, loc := range []*time.Location{MustHolidayTokyo(t), time.UTC} {
		for _, tc := range tests {
			t.Run(loc.String()+"/"+tc.name, func(t *testing.T) {
				from, want := MustHolidayDate(t, tc.from, loc), MustHolidayDate(t, tc.want, loc)
				got := activity.NextBusinessDay(from)
				if !got.Equal(want) || got.Location() != loc {
					t.Errorf("NextBusinessDay(%s) = %s; want %s", from, got, want)
				}
			})
		}
	}
}

func TestAddBusinessDays(t *testing.T) {
	tests := []struct {
		name string
		from string
		n    int
		want string
	}{
		{"ZeroIsItself", "2022-06-30 12:00", 0, "2022-06-30 12:00"},
		{"ZeroOnHolidayIsItself", "2021-05-03 12:00", 0, "2021-05-03 12:00"},
		{"NextDay", "2022-06-30 12:00", 1, "2022-07-01 12:00"},
		{"OverWeekend", "2022-06-30 12:00", 2, "2022-07-04 12:00"},
		{"FromSaturday", "2022-07-02 12:00", 1, "2022-07-04 12:00"},
		{"OverGoldenWeek", "2021-04-30 09:00", 1, "2021-05-06 09:00"},
		{"OverTenDayGoldenWeek", "2019-04-26 09:00", 1, "2019-05-07 09:00"},
		{"TwoWeeks", "2023-07-10 09:00", 10, "2023-07-25 09:00"}, // 7/17 海の日
		{"OverYearEnd", "2022-12-30 09:00", 1, "2023-01-03 09:00"},
		{"Backwards", "2021-05-06 09:00", -1, "2021-04-30 09:00"},
		{"BackwardsFromSunday", "2022-07-03 09:00", -1, "2022-07-01 09:00"},
	}
	for _, loc := range []*time.Location{MustHolidayTokyo(t), time.UTC} {
		for _, tc := range tests {
			t.Run(loc.String()+"/"+tc.name, func(t *testing.T) {
				from, want := MustHolidayDate(t, tc.from, loc), MustHolidayDate(t, tc.want, loc)
				got := activity.AddBusinessDays(from, tc.n)
				if !got.Equal(want) || got.Location() != loc {
					t.Errorf("AddBusinessDays(%s, %d) = %s; want %s", from, tc.n, got, want)
				}
			})
		}
	}
}

func TestAddBusinessDaysCountsBusinessDays(t *testing.T) {
	// Stepping one business day at a time must visit every business day of
	// 2023 (247 of them) and nothing else.
	loc := MustHolidayTokyo(t)
	d := MustHolidayDate(t, "2022-12-31 09:00", loc)
	count := 0
	for {
		d = activity.AddBusinessDays(d, 1)
		if d.Year() > 2023 {
			break
		}
		if !activity.IsBusinessDay(d) {
			t.Fatalf("AddBusinessDays stepped onto %s, not a business day", d)
		}
		count++
	}
	if count != 247 {
		t.Errorf("2023 has %d business days; want 247", count)
	}
}

func BenchmarkIsBusinessDay(b *testing.B) {
	loc := MustHolidayTokyo(b)
	days := make([]time.Time, 366)
	for i := range days {
		days[i] = time.Date(2024, time.January, 1+i, 9, 0, 0, 0, loc)
	}
	n := 0
	for i := 0; b.Loop(); i++ {
		if activity.IsBusinessDay(days[i%len(days)]) {
			n++
		}
	}
	if n == 0 {
		b.Fatal("no business days")
	}
}
