package activity_test

import (
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // Asia/Tokyo even where the system has no zoneinfo

	"github.com/katsudo-npo/katsudo/activity"
)

// MustHolidayTokyo returns the Asia/Tokyo location.
func MustHolidayTokyo(tb testing.TB) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		tb.Fatalf("load Asia/Tokyo: %v", err)
	}
	return loc
}

// MustHolidayDate parses "2006-01-02" or "2006-01-02 15:04" in loc.
func MustHolidayDate(tb testing.TB, s string, loc *time.Location) time.Time {
	tb.Helper()
	layout := time.DateOnly
	if len(s) > len(layout) {
		layout = "2006-01-02 15:04"
	}
	t, err := time.ParseInLocation(layout, s, loc)
	if err != nil {
		tb.Fatalf("parse %q: %v", s, err)
	}
	return t
}

// holidays2019to2023 is every public holiday of 2019–2023.
var holidays2019to2023 = map[string]string{
	"2019-01-01": "元日",
	"2019-01-14": "成人の日",
	"2019-02-11": "建国記念の日",
	"2019-03-21": "春分の日",
	"2019-04-29": "昭和の日",
	"2019-04-30": "休日",
	"2019-05-01": "休日（祝日扱い）", // 天皇の即位の日
	"2019-05-02": "休日",
	"2019-05-03": "憲法記念日",
	"2019-05-04": "みどりの日",
	"2019-05-05": "こどもの日",
	"2019-05-06": "こどもの日 振替休日",
	"2019-07-15": "海の日",
	"2019-08-11": "山の日",
	"2019-08-12": "山の日 振替休日",
	"2019-09-16": "敬老の日",
	"2019-09-23": "秋分の日",
	"2019-10-14": "体育の日（スポーツの日）",
	"2019-10-22": "休日（祝日扱い）", // 即位礼正殿の儀
	"2019-11-03": "文化の日",
	"2019-11-04": "文化の日 振替休日",
	"2019-11-23": "勤労感謝の日",

	"2020-01-01": "元日",
	"2020-01-13": "成人の日",
	"2020-02-11": "建国記念の日",
	"2020-02-23": "天皇誕生日",
	"2020-02-24": "天皇誕生日 振替休日",
	"2020-03-20": "春分の日",
	"2020-04-29": "昭和の日",
	"2020-05-03": "憲法記念日",
	"2020-05-04": "みどりの日",
	"2020-05-05": "こどもの日",
	"2020-05-06": "憲法記念日 振替休日",
	"2020-07-23": "海の日",
	"2020-07-24": "スポーツの日",
	"2020-08-10": "山の日",
	"2020-09-21": "敬老の日",
	"2020-09-22": "秋分の日",
	"2020-11-03": "文化の日",
	"2020-11-23": "勤労感謝の日",

	"2021-01-01": "元日",
	"2021-01-11": "成人の日",
	"2021-02-11": "建国記念の日",
	"2021-02-23": "天皇誕生日",
	"2021-03-20": "春分の日",
	"2021-04-29": "昭和の日",
	"2021-05-03": "憲法記念日",
	"2021-05-04": "みどりの日",
	"2021-05-05": "こどもの日",
	"2021-07-22": "海の日",
	"2021-07-23": "スポーツの日",
	"2021-08-08": "山の日",
	"2021-08-09": "山の日 振替休日",
	"2021-09-20": "敬老の日",
	"2021-09-23": "秋分の日",
	"2021-11-03": "文化の日",
	"2021-11-23": "勤労感謝の日",

	"2022-01-01": "元日",
	"2022-01-10": "成人の日",
	"2022-02-11": "建国記念の日",
	"2022-02-23": "天皇誕生日",
	"2022-03-21": "春分の日",
	"2022-04-29": "昭和の日",
	"2022-05-03": "憲法記念日",
	"2022-05-04": "みどりの日",
	"2022-05-05": "こどもの日",
	"2022-07-18": "海の日",
	"2022-08-11": "山の日",
	"2022-09-19": "敬老の日",
	"2022-09-23": "秋分の日",
	"2022-10-10": "スポーツの日",
	"2022-11-03": "文化の日",
	"2022-11-23": "勤労感謝の日",

	"2023-01-01": "元日",
	"2023-01-02": "元日 振替休日",
	"2023-01-09": "成人の日",
	"2023-02-11": "建国記念の日",
	"2023-02-23": "天皇誕生日",
	"2023-03-21": "春分の日",
	"2023-04-29": "昭和の日",
	"2023-05-03": "憲法記念日",
	"2023-05-04": "みどりの日",
	"2023-05-05": "こどもの日",
	"2023-07-17": "海の日",
	"2023-08-11": "山の日",
	"2023-09-18": "敬老の日",
	"2023-09-23": "秋分の日",
	"2023-10-09": "スポーツの日",
	"2023-11-03": "文化の日",
	"2023-11-23": "勤労感謝の日",
}

func TestHoliday2019To2023(t *testing.T) {
	for _, loc := range []*time.Location{MustHolidayTokyo(t), time.UTC} {
		t.Run(loc.String(), func(t *testing.T) {
			d := MustHolidayDate(t, "2019-01-01 23:59", loc)
			for ; d.Year() <= 2023; d = d.AddDate(0, 0, 1) {
				key := d.Format(time.DateOnly)
				want, wantOK := holidays2019to2023[key]
				got, gotOK := activity.Holiday(d)
				if got != want || gotOK != wantOK {
					t.Errorf("Holiday(%s) = %q, %v; want %q, %v", key, got, gotOK, want, wantOK)
				}
			}
		})
	}
}

func TestHolidayOneOffsAndHistory(t *testing.T) {
	tests := []struct {
		date string
		want string // "" for no holiday
	}{
		// The days the Olympics moved 海の日, 山の日 and スポーツの日 away from.
		{"2020-07-20", ""},
		{"2020-08-11", ""},
		{"2020-10-12", ""},
		{"2021-07-19", ""},
		{"2021-08-11", ""},
		{"2021-10-11", ""},
		// No 天皇誕生日 in 2019.
		{"2019-02-23", ""},
		{"2019-12-23", ""},
		{"2018-12-23", "天皇誕生日"},
		{"2018-12-24", "天皇誕生日 振替休日"},
		{"1988-04-29", "天皇誕生日"},
		{"1989-04-29", "みどりの日"},
		{"2006-04-29", "みどりの日"},
		{"2006-05-04", "休日"},
		{"2007-04-29", "昭和の日"},
		{"2007-05-04", "みどりの日"},
		{"1999-01-15", "成人の日"},
		{"1999-10-11", "体育の日 振替休日"},
		{"2000-01-10", "成人の日"},
		{"2002-09-16", "敬老の日 振替休日"},
		{"1996-07-20", "海の日"},
		{"2015-08-11", ""},
		{"2016-08-11", "山の日"},
		{"2015-09-22", "休日"},
		// Special laws.
		{"1959-04-10", "結婚の儀"},
		{"1989-02-24", "大喪の礼"},
		{"1990-11-12", "即位礼正殿の儀"},
		{"1993-06-09", "結婚の儀"},
		// Before 振替休日 began on 1973-04-12, a Sunday holiday was lost.
		{"1970-05-04", ""}, // 憲法記念日 fell on a Sunday
		{"1973-04-30", "天皇誕生日 振替休日"},
		// Outside 1948–2099 nothing is known.
		{"1948-07-19", ""},
		{"1948-09-23", "秋分の日"},
		{"2100-01-01", ""},
		{"1900-01-01", ""},
		// Late projections of the equinox formula.
		{"2099-03-20", "春分の日"},
		{"2099-09-23", "秋分の日"},
	}
	for _, tc := range tests {
		d := MustHolidayDate(t, tc.date, time.UTC)
		got, ok := activity.Holiday(d)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("Holiday(%s) = %q, %v; want %q", tc.date, got, ok, tc.want)
		}
	}
}

func TestHolidayUsesDateInLocation(t *testing.T) {
	// 2021-07-21 16:00 UTC is already 海の日 (7/22) in Tokyo.
	instant := time.Date(2021, time.July, 21, 16, 0, 0, 0, time.UTC)
	if name, ok := activity.Holiday(instant.In(MustHolidayTokyo(t))); !ok || name != "海の日" {
		t.Errorf("Holiday(Tokyo) = %q, %v; want 海の日", name, ok)
	}
	if name, ok := activity.Holiday(instant); ok {
		t.Errorf("Holiday(UTC) = %q; want none", name)
	}
	if !activity.IsBusinessDay(instant) || activity.IsBusinessDay(instant.In(MustHolidayTokyo(t))) {
		t.Error("IsBusinessDay: want true in UTC (Wednesday) and false in Tokyo (海の日)")
	}
}

func TestHolidayConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			d := time.Date(2000+i, time.January, 1, 0, 0, 0, 0, time.UTC)
			if name, ok := activity.Holiday(d); !ok || name != "元日" {
				t.Errorf("Holiday(%s) = %q, %v; want 元日", d.Format(time.DateOnly), name, ok)
			}
		})
	}
	wg.Wait()
}
