package clerk_test

import (
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/robfig/cron/v3"
)

func instant(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

// TestScheduleTokyo reads specs with ParseStandard and asks Next from UTC
// instants, as on a machine whose zone is UTC: every answer is the Tokyo
// wall-clock time the spec names.
func TestScheduleTokyo(t *testing.T) {
	tokyo := config.Default().Location
	tests := []struct {
		name, spec, from, want string
	}{
		{"MonthEnd", "0 9 1 * *", "2022-01-31T23:00:00Z", "2022-02-01T00:00:00Z"},               // Feb 1 09:00 JST
		{"MonthEndTokyoBeforeUTC", "0 0 1 * *", "2022-04-30T14:59:00Z", "2022-04-30T15:00:00Z"}, // May 1 00:00 JST is still April in UTC
		{"YearEnd", "0 10 * * *", "2021-12-31T15:30:00Z", "2022-01-01T01:00:00Z"},               // Jan 1 00:30 JST → 10:00
		{"YearEndSummary", "0 9 1 * *", "2021-12-01T00:00:00Z", "2022-01-01T00:00:00Z"},         // the December summary goes out on Jan 1
		{"FiscalYearReport", "0 3 * * *", "2022-03-31T17:59:00Z", "2022-03-31T18:00:00Z"},       // Apr 1 03:00 JST, Mar 31 in UTC
		{"FiscalYearSummary", "0 9 1 * *", "2022-03-31T23:30:00Z", "2022-04-01T00:00:00Z"},      // the March summary, first day of FY2022
		{"FiscalYearStartOnly", "0 9 1 4 *", "2022-04-01T00:00:01Z", "2023-04-01T00:00:00Z"},
		{"LeapDay", "0 10 29 2 *", "2023-03-01T00:00:00Z", "2024-02-29T01:00:00Z"},
		{"Descriptor", "@monthly", "2022-03-31T14:00:00Z", "2022-03-31T15:00:00Z"}, // Apr 1 00:00 JST
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := clerk.ParseSchedule(tt.spec, tokyo)
			if err != nil {
				t.Fatal(err)
			}
			got := s.Next(instant(tt.from))
			if !got.Equal(instant(tt.want)) {
				t.Errorf("Next(%s) = %s (%s in Tokyo), want %s", tt.from, got.UTC().Format(time.RFC3339), got.In(tokyo).Format(time.RFC3339), tt.want)
			}
		})
	}
	t.Run("UnpinnedFollowsTheGivenZone", func(t *testing.T) {
		// What parseSchedule guards against: a bare ParseStandard schedule
		// reads the spec in the zone of the time it is given.
		s, err := cron.ParseStandard("0 3 * * *")
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Next(instant("2022-03-31T17:59:00Z")); got.Equal(instant("2022-03-31T18:00:00Z")) {
			t.Errorf("unpinned Next = %s; the test no longer shows why schedules are pinned", got)
		}
	})
	t.Run("FiscalYearOfThePass", func(t *testing.T) {
		c := &clerk.Clerk{Config: config.Default()}
		if got := c.FiscalYear(instant("2022-03-31T18:00:00Z")).Year; got != 2021 {
			t.Errorf("the 03:00 report of April 1 (JST) compiles FY%d, want FY2021 (being filed until June 30)", got)
		}
		if got := c.FiscalYear(instant("2022-06-30T18:00:00Z")).Year; got != 2022 {
			t.Errorf("the 03:00 report of July 1 (JST) compiles FY%d, want FY2022", got)
		}
		if got := c.FiscalYear(instant("2022-03-31T14:59:00Z")).Year; got != 2021 {
			t.Errorf("at 23:59 on March 31 (JST) the report compiles FY%d, want FY2021", got)
		}
		c.Year = 2019
		if got := c.FiscalYear(instant("2022-06-30T18:00:00Z")); got.Year != 2019 || got.StartMonth != time.April {
			t.Errorf("with Year 2019 the pass compiles %+v, want FY2019 from April", got)
		}
	})
}

// TestRelease checks that a message goes out only once its kind's
// schedule has fired on or after its day, and that a missed one goes out
// with the next pass.
func TestRelease(t *testing.T) {
	cfg := config.Default()
	s, err := clerk.ParseSchedules(cfg)
	if err != nil {
		t.Fatal(err)
	}
	summary := func(day activity.Date) activity.Message {
		return activity.Message{Kind: activity.MessageSummary, Day: day}
	}
	reminder := activity.Message{Kind: activity.MessageReminder, Day: activity.Date{Year: 2021, Month: 12, Day: 1}}
	dec1 := activity.Date{Year: 2021, Month: 12, Day: 1}
	tests := []struct {
		name string
		m    activity.Message
		now  string
		want bool
	}{
		{"SummaryBeforeItsHour", summary(dec1), "2021-12-01T08:59:59+09:00", false},
		{"SummaryAtItsHour", summary(dec1), "2021-12-01T09:00:00+09:00", true},
		{"ReminderBeforeItsHour", reminder, "2021-12-01T09:59:00+09:00", false},
		{"ReminderAtItsHour", reminder, "2021-12-01T10:00:00+09:00", true},
		{"MissedSummaryAtMidnight", summary(activity.Date{Year: 2021, Month: 11, Day: 1}), "2021-12-01T00:00:00+09:00", true},
		{"ReminderOnAUTCMachineAtMidnightUTC", reminder, "2021-12-01T00:00:00Z", false}, // 09:00 in Tokyo
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept, _, _ := s.Release([]activity.Message{tt.m}, instant(tt.now))
			if got := len(kept) == 1; got != tt.want {
				t.Errorf("released at %s = %v, want %v", tt.now, got, tt.want)
			}
		})
	}
	t.Run("SummaryOnTheSecond", func(t *testing.T) {
		c := cfg
		c.Schedule.Summary = "0 9 2 * *"
		s, err := clerk.ParseSchedules(c)
		if err != nil {
			t.Fatal(err)
		}
		kept, held, next := s.Release([]activity.Message{summary(dec1), reminder}, instant("2021-12-01T12:00:00+09:00"))
		if len(kept) != 1 || kept[0].Kind != activity.MessageReminder || held != 1 || !next.Equal(instant("2021-12-02T09:00:00+09:00")) {
			t.Errorf("kept %v, held %d until %v; want the reminder only, the summary held until 09:00 on the 2nd", kept, held, next)
		}
	})
}
