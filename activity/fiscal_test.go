package activity_test

import (
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
)

func TestFiscalYear(t *testing.T) {
	loc := tokyo(t)
	for _, tc := range []struct {
		name      string
		now       string
		start     time.Month
		fy, shown int
	}{
		{"LastDayOfYear", "2022-03-31T23:59:00+09:00", time.April, 2021, 2021},
		{"FirstDayOfNextYearShowsTheYearBeingFiled", "2022-04-01T00:00:00+09:00", time.April, 2022, 2021},
		{"FilingDeadline", "2022-06-30T23:00:00+09:00", time.April, 2022, 2021},
		{"AfterFiling", "2022-07-01T00:00:00+09:00", time.April, 2022, 2022},
		// 2023-06-30 is a Friday; 2024-06-30 a Sunday, so the deadline moves to Monday 7/1.
		{"DeadlineOnSundayMoves", "2024-07-01T12:00:00+09:00", time.April, 2024, 2023},
		{"DeadlineOnSundayMovedThenPassed", "2024-07-02T00:00:00+09:00", time.April, 2024, 2024},
		{"JanuaryStart", "2022-02-10T00:00:00+09:00", time.January, 2022, 2021},
		{"UTCInstantIsTokyoDate", "2022-03-31T15:00:00Z", time.April, 2022, 2021},
	} {
		t.Run(tc.name, func(t *testing.T) {
			now := mustTime(t, tc.now)
			if got := activity.FiscalYearOf(now.In(loc), tc.start); got.Year != tc.fy {
				t.Errorf("FiscalYearOf = %d, want %d", got.Year, tc.fy)
			}
			if got := activity.ReportingYear(now, loc, tc.start); got.Year != tc.shown {
				t.Errorf("ReportingYear = %d, want %d", got.Year, tc.shown)
			}
		})
	}
	fy := activity.FiscalYear{Year: 2021, StartMonth: time.April}
	if got := fy.FilingDeadline(); got != (activity.Date{Year: 2022, Month: time.June, Day: 30}) {
		t.Errorf("filing deadline = %+v", got)
	}
	if !fy.Contains(activity.Date{Year: 2022, Month: time.March}) || fy.Contains(activity.Date{Year: 2022, Month: time.April, Day: 1}) {
		t.Errorf("Contains is wrong at the year's end")
	}
}
