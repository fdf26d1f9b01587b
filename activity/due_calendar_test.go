package activity_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
)

// MustDay reads 2021-12-06 as a day.
func MustDay(tb testing.TB, s string) activity.Date {
	tb.Helper()
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		tb.Fatal(err)
	}
	return activity.DateOf(t, nil)
}

func TestReminderWindow(t *testing.T) {
	tests := []struct {
		month             string
		deadlineDay       int
		wantOpen, wantDue string
		why               string
	}{
		{"2021-11", 5, "2021-12-01", "2021-12-06", "Dec 5 2021 is a Sunday"},
		{"2021-12", 5, "2022-01-03", "2022-01-05", "Jan 3 is a business day (year-end days are not holidays by law)"},
		{"2022-04", 5, "2022-05-02", "2022-05-06", "5/3–5/5 are holidays"},
		{"2022-04", 1, "2022-05-02", "2022-05-02", "deadline on the 1st, a Sunday"},
		{"2022-12", 10, "2023-01-03", "2023-01-10", "1/2 is 元日 振替休日, 1/9 成人の日"},
	}
	for _, tc := range tests {
		m, err := activity.ParseMonth(tc.month)
		if err != nil {
			t.Fatal(err)
		}
		w := activity.ReminderWindow(m, tc.deadlineDay)
		if got := [2]string{w.Open.ISO(), w.Deadline.ISO()}; got != [2]string{tc.wantOpen, tc.wantDue} {
			t.Errorf("ReminderWindow(%s, %d) = %v; want [%s %s] (%s)", tc.month, tc.deadlineDay, got, tc.wantOpen, tc.wantDue, tc.why)
		}
	}
}

func TestCurrentMonth(t *testing.T) {
	tests := []struct{ today, want string }{
		{"2021-12-01", "2021-11"},
		{"2021-12-31", "2021-11"},
		{"2022-01-01", "2021-11"}, // 元日: December's window opens on Jan 3
		{"2022-01-03", "2021-12"},
		{"2022-05-01", "2022-03"}, // a Sunday
		{"2022-05-02", "2022-04"},
	}
	for _, tc := range tests {
		if got := activity.CurrentMonth(MustDay(t, tc.today), 5).ISO(); got != tc.want {
			t.Errorf("CurrentMonth(%s) = %s; want %s", tc.today, got, tc.want)
		}
	}
}

func TestFilingDays(t *testing.T) {
	tests := []struct {
		name string
		fy   activity.FiscalYear
		days int
		want []string
	}{
		{"WeeklyThenDaily", fy2021, 30, []string{
			"2022-05-31", "2022-06-07", "2022-06-14", "2022-06-21",
			"2022-06-24", "2022-06-27", "2022-06-28", "2022-06-29", "2022-06-30",
		}},
		{"DeadlineOnSundayMovesToMonday", activity.FiscalYear{Year: 2018, StartMonth: time.April}, 7, []string{
			"2019-06-24", "2019-06-25", "2019-06-26", "2019-06-27", "2019-06-28", "2019-07-01",
		}},
		{"FewDaysOnlyDaily", fy2021, 3, []string{"2022-06-27", "2022-06-28", "2022-06-29", "2022-06-30"}},
		{"Off", fy2021, 0, nil},
		{"JanuaryStart", activity.FiscalYear{Year: 2021, StartMonth: time.January}, 10, []string{
			"2022-03-22", "2022-03-25", "2022-03-28", "2022-03-29", "2022-03-30", "2022-03-31",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, d := range activity.FilingDays(tc.fy, tc.days) {
				got = append(got, d.ISO())
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("FilingDays mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFormatDay(t *testing.T) {
	d := MustDay(t, "2021-12-06")
	if got, want := activity.FormatDay(d, activity.Japanese), "2021年12月6日（月）"; got != want {
		t.Errorf("ja = %q; want %q", got, want)
	}
	if got, want := activity.FormatDay(d, activity.English), "Mon 6 Dec 2021"; got != want {
		t.Errorf("en = %q; want %q", got, want)
	}
}
