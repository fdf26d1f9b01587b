package activity_test

import (
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
)

func days(ds ...activity.Date) map[activity.Date]struct{} {
	m := map[activity.Date]struct{}{}
	for _, d := range ds {
		m[d] = struct{}{}
	}
	return m
}

func d(y int, m time.Month, day int) activity.Date { return activity.Date{Year: y, Month: m, Day: day} }

func TestFormatDates(t *testing.T) {
	for _, tc := range []struct {
		name         string
		days, months map[activity.Date]struct{}
		lang         activity.Lang
		want         string
	}{
		{"TwoDaysSameMonth", days(d(2021, 11, 14), d(2021, 11, 28)), nil, activity.Japanese, "2021年11月14日、11月28日"},
		{"ConsecutiveMonths", nil, days(d(2021, 9, 0), d(2021, 10, 0)), activity.Japanese, "2021年9月〜10月"},
		{"MonthRangeAcrossYear", nil, days(d(2021, 12, 0), d(2022, 1, 0)), activity.Japanese, "2021年12月〜2022年1月"},
		{"RunOfThreeDays", days(d(2021, 8, 1), d(2021, 8, 2), d(2021, 8, 3), d(2021, 8, 10)), nil, activity.Japanese, "2021年8月1日〜3日、8月10日"},
		{"DayInLoggedMonthIsAbsorbed", days(d(2021, 9, 5)), days(d(2021, 9, 0)), activity.Japanese, "2021年9月"},
		{"YearChangeRepeatsYear", days(d(2021, 12, 20), d(2022, 1, 5)), nil, activity.Japanese, "2021年12月20日、2022年1月5日"},
		{"ManyDaysBecomeMonths", days(d(2021, 5, 1), d(2021, 5, 3), d(2021, 5, 5), d(2021, 5, 7), d(2021, 5, 9), d(2021, 5, 11), d(2021, 6, 1), d(2021, 6, 3), d(2021, 6, 5), d(2021, 6, 7), d(2021, 6, 9)), nil, activity.Japanese, "2021年5月〜6月"},
		{"English", days(d(2021, 11, 14), d(2021, 11, 28)), nil, activity.English, "14 Nov 2021, 28 Nov"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.months == nil {
				tc.months = days()
			}
			if tc.days == nil {
				tc.days = days()
			}
			if got := activity.FormatDates(tc.days, tc.months, tc.lang); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestShareSen(t *testing.T) {
	for _, tc := range []struct {
		name  string
		total int64
		yen   []int64
		want  []int64
	}{
		{"RoundsToTotal", 3, []int64{1400, 1400, 200}, []int64{2, 1, 0}},
		{"AllHalves", 2, []int64{500, 500, 500, 500}, []int64{1, 1, 0, 0}},
		{"Exact", 5, []int64{2000, 3000}, []int64{2, 3}},
		{"Refund", 0, []int64{1200, -1100}, []int64{1, -1}},
		{"Empty", 0, nil, []int64{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := activity.ShareSen(tc.total, tc.yen)
			var sum int64
			for i := range got {
				sum += got[i]
				if i >= len(tc.want) || got[i] != tc.want[i] {
					t.Errorf("got %v, want %v", got, tc.want)
					break
				}
			}
			if sum != tc.total {
				t.Errorf("shares %v add to %d, want %d", got, sum, tc.total)
			}
		})
	}
}

// TestSenAddsUp compiles a report in 千円 and checks, line by line, that
// printed children add up to their printed parent, and parts to the total.
func TestSenAddsUp(t *testing.T) {
	log := MustGrid(t, r("日付", "事業", "内容", "場所", "従事者", "受益対象", "支出額", "状態", "記入者"))
	amounts := []int{1499, 1501, 2500, 499, 777, 123456, 50, 950, 3333}
	codes := []string{"1-1", "1-2", "2-2-1", "2-2-2", "2-1", "1-1", "2-2-1", "2-2-2", "1-2"}
	for i := range amounts {
		log = append(log, MustGrid(t, r("2021/5/1", codes[i], "", "", "", "", amounts[i], "", "山田"))...)
	}
	d := activity.Load(activity.Input{Tabs: activity.DefaultTabs, Log: log, Programs: programsGrid(t), Members: membersGrid(t)})
	rep := activity.Compile(d, fy2021, activity.Options{Sen: true})
	lines := map[string]activity.ProgramReport{}
	for _, p := range rep.Programs {
		lines[p.Code] = p
	}
	sum := func(codes ...string) int64 {
		var s int64
		for _, c := range codes {
			s += lines[c].ExpenseSen
		}
		return s
	}
	for parent, children := range map[string][]string{"1": {"1-1", "1-2"}, "2": {"2-2"}, "2-2": {"2-2-1", "2-2-2"}} {
		if got := sum(children...); got != lines[parent].ExpenseSen {
			t.Errorf("%s prints %d千円 but its lines add to %d", parent, lines[parent].ExpenseSen, got)
		}
	}
	var kinds int64
	for _, k := range rep.Kinds {
		kinds += k.ExpenseSen
	}
	if want := (rep.TotalExpenseYen + 500) / 1000; kinds != want || sum("1", "2") != want {
		t.Errorf("total prints %d千円 (categories %d), want %d", kinds, sum("1", "2"), want)
	}
}
