package activity_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
)

// dueData is a small organisation: 1-1 is logged monthly by 山田 and 鈴木
// (田中 has left), both logged 活動なし from April to September and a
// row each in October; in November only 山田 logged, without the expense.
func dueData(tb testing.TB) *activity.Dataset {
	tb.Helper()
	log := [][]any{r("日付", "事業", "内容", "場所", "従事者", "受益対象", "支出額", "状態", "記入者")}
	for m := 4; m <= 9; m++ {
		for _, who := range []string{"山田 太郎", "鈴木 花子"} {
			log = append(log, r(fmt.Sprintf("2021年%d月", m), "1-1", "", "", "", "", "", "活動なし", who))
		}
	}
	log = append(log,
		r("2021/10/5", "1-1", "相談", "横須賀市", "山田 太郎", "中小企業 1社", "3,000", "", "山田 太郎"),
		r("2021/10/20", "1-1", "相談", "横浜市", "鈴木 花子", "中小企業 2社", "5,000", "", "鈴木 花子"),
		r("2021/11/10", "1-1", "<!channel> 相談", "横須賀市", "山田 太郎", "中小企業 1社", "", "", "山田 太郎"),
		r("2021/11/12", "1-2", "特許調査", "横浜市", "田中 一郎", "個人 1名", "2,000", "", "田中 一郎"),
	)
	in := activity.Input{
		Tabs: activity.DefaultTabs,
		Log:  MustGrid(tb, log...),
		Programs: MustGrid(tb,
			r("コード", "事業名", "区分", "内容", "担当", "頻度", "予算額", "決算額"),
			r("1", "中小企業支援", "特定非営利活動", "", "", "", nil, nil),
			r("1-1", "経営管理支援", nil, "経営管理の支援", "山田 太郎、鈴木 花子、田中 一郎", "毎月", 7000, 8000),
			r("1-2", "特許取得支援", nil, "特許の支援", "田中 一郎", "随時", 50000, 2000),
		),
		Members: MustGrid(tb,
			r("氏名", "Slack", "在籍"),
			r("山田 太郎", "U01", ""),
			r("鈴木 花子", "suzuki@example.org", "在籍"),
			r("田中 一郎", "U03", "退会"),
		),
	}
	return activity.Load(in)
}

func dueOptions(tb testing.TB, kinds ...activity.MessageKind) activity.DueOptions {
	return activity.DueOptions{Location: tokyo(tb), FiscalYearStartMonth: time.April, DeadlineDay: 5, FilingReminderDays: 30, Kinds: kinds}
}

// MustAt is 10:00 in Tokyo on a day.
func MustAt(tb testing.TB, day string) time.Time {
	tb.Helper()
	d := MustDay(tb, day)
	return time.Date(d.Year, d.Month, d.Day, 10, 0, 0, 0, tokyo(tb))
}

// describe is a message in one line: its key, whether it is late, and
// what it holds.
func describe(m activity.Message) string {
	s := m.Key
	if m.Late {
		s += " late"
	}
	switch {
	case m.Reminder != nil:
		for _, mm := range m.Reminder.Missing {
			var ms []string
			for _, d := range mm.Months {
				ms = append(ms, d.ISO())
			}
			s += " missing=" + mm.Program.Code + ":" + strings.Join(ms, ",")
		}
		for _, rp := range m.Reminder.Rows {
			var codes []string
			for _, f := range rp.Problems {
				codes = append(codes, string(f.Code)+"@"+f.Ref)
			}
			s += fmt.Sprintf(" row=%s(%s)", rp.Ref, strings.Join(codes, ","))
		}
		s += " due=" + m.Reminder.Deadline.ISO()
	case m.Escalation != nil:
		for _, o := range m.Escalation.Outstanding {
			s += fmt.Sprintf(" %s:%d/%d", o.Member.Name, o.Months, o.Rows)
		}
	case m.Summary != nil:
		s += fmt.Sprintf(" done=%d yen=%d ytd=%d/%d errors=%d", m.Summary.Done, m.Summary.ExpenseYen, m.Summary.YearExpenseYen, m.Summary.YearBudgetYen, m.Summary.Errors)
	case m.Filing != nil:
		s += fmt.Sprintf(" deadline=%s left=%d errors=%d", m.Filing.Deadline.ISO(), m.Filing.DaysLeft, m.Filing.Errors)
	}
	return s
}

func describeAll(ms []activity.Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, describe(m))
	}
	return out
}

// sentLog is a record holding these keys.
func sentLog(keys ...string) *activity.SentLog {
	l := &activity.SentLog{}
	for _, k := range keys {
		parts := strings.Split(k, "/")
		l.Add(activity.SentRecord{Key: k, Kind: activity.MessageKind(parts[0]), Period: parts[1]})
	}
	return l
}

func TestDueReminders(t *testing.T) {
	d := dueData(t)
	yamada := "row=活動ログ!A16(missing-field@活動ログ!G16)"
	tests := []struct {
		name  string
		now   string
		sent  []string
		month string
		want  []string
	}{
		{"WindowOpensOnTheFirstBusinessDay", "2021-12-01", nil, "", []string{
			"reminder/2021-11/山田太郎/2021-12-01 " + yamada + " due=2021-12-06",
			"reminder/2021-11/鈴木花子/2021-12-01 missing=1-1:2021-11 due=2021-12-06",
		}},
		{"SameDayAgainSendsNothing", "2021-12-01", []string{"reminder/2021-11/山田太郎/2021-12-01", "reminder/2021-11/鈴木花子/2021-12-01"}, "", nil},
		{"NextDayIsANewReminder", "2021-12-02", []string{"reminder/2021-11/山田太郎/2021-12-01"}, "", []string{
			"reminder/2021-11/山田太郎/2021-12-02 " + yamada + " due=2021-12-06",
			"reminder/2021-11/鈴木花子/2021-12-02 missing=1-1:2021-11 due=2021-12-06",
		}},
		{"NothingOnASaturday", "2021-12-04", nil, "", nil},
		{"DeadlineDayEscalates", "2021-12-06", nil, "", []string{
			"escalation/2021-11/channel/2021-12-06 山田 太郎:0/1 鈴木 花子:1/0",
			"reminder/2021-11/山田太郎/2021-12-06 " + yamada + " due=2021-12-06",
			"reminder/2021-11/鈴木花子/2021-12-06 missing=1-1:2021-11 due=2021-12-06",
		}},
		{"DownOnTheDeadlineCatchesUpOnce", "2021-12-09", nil, "", []string{
			"escalation/2021-11/channel/2021-12-06 late 山田 太郎:0/1 鈴木 花子:1/0",
			"reminder/2021-11/山田太郎/2021-12-06 late " + yamada + " due=2021-12-06",
			"reminder/2021-11/鈴木花子/2021-12-06 late missing=1-1:2021-11 due=2021-12-06",
		}},
		{"AfterTheDeadlineNoBacklog", "2021-12-09", []string{
			"escalation/2021-11/channel/2021-12-06", "reminder/2021-11/山田太郎/2021-12-06", "reminder/2021-11/鈴木花子/2021-12-06",
		}, "", nil},
		{"NextWindowCombinesEverything", "2022-01-03", nil, "", []string{
			"reminder/2021-12/山田太郎/2022-01-03 missing=1-1:2021-12 " + yamada + " due=2022-01-05",
			"reminder/2021-12/鈴木花子/2022-01-03 missing=1-1:2021-11,2021-12 due=2022-01-05",
		}},
		{"MonthFlagSendsTodayEvenOnASaturday", "2021-12-04", nil, "2021-10", []string{
			"reminder/2021-10/山田太郎/2021-12-04 " + yamada + " due=2021-11-05",
			"escalation/2021-10/channel/2021-11-05 山田 太郎:0/1",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := dueOptions(t, activity.MessageReminder, activity.MessageEscalation)
			if tc.month != "" {
				o.Month, _ = activity.ParseMonth(tc.month)
			}
			got := describeAll(activity.Due(d, sentLog(tc.sent...), MustAt(t, tc.now), o))
			want := tc.want
			if tc.month != "" {
				want = []string{tc.want[1], tc.want[0]} // the escalation goes first
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Due mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDueSummaryAndFiling(t *testing.T) {
	d := dueData(t)
	tests := []struct {
		name string
		now  string
		sent []string
		kind activity.MessageKind
		want []string
	}{
		{"SummaryOnTheFirst", "2021-12-01", nil, activity.MessageSummary, []string{
			"summary/2021-11/channel/2021-12-01 done=2 yen=2000 ytd=10000/57000 errors=1",
		}},
		{"SummarySentLateOnce", "2021-12-15", nil, activity.MessageSummary, []string{
			"summary/2021-11/channel/2021-12-01 late done=2 yen=2000 ytd=10000/57000 errors=1",
		}},
		{"SummaryAlreadySent", "2021-12-15", []string{"summary/2021-11/channel/2021-12-01"}, activity.MessageSummary, nil},
		{"MissedSummariesAfterTheLastOne", "2022-01-10", []string{"summary/2021-10/channel/2021-11-01"}, activity.MessageSummary, []string{
			"summary/2021-11/channel/2021-12-01 late done=2 yen=2000 ytd=10000/57000 errors=1",
			"summary/2021-12/channel/2022-01-01 late done=0 yen=0 ytd=10000/57000 errors=1",
		}},
		{"FilingNotYet", "2022-05-30", nil, activity.MessageFiling, nil},
		{"FilingWeekly", "2022-06-07", nil, activity.MessageFiling, []string{
			"filing/FY2021/channel/2022-06-07 deadline=2022-06-30 left=23 errors=1",
		}},
		{"FilingMissedDayCaughtUp", "2022-06-09", nil, activity.MessageFiling, []string{
			"filing/FY2021/channel/2022-06-07 late deadline=2022-06-30 left=21 errors=1",
		}},
		{"FilingBetweenWeeks", "2022-06-09", []string{"filing/FY2021/channel/2022-06-07"}, activity.MessageFiling, nil},
		{"FilingDaily", "2022-06-29", []string{"filing/FY2021/channel/2022-06-28"}, activity.MessageFiling, []string{
			"filing/FY2021/channel/2022-06-29 deadline=2022-06-30 left=1 errors=1",
		}},
		{"FilingOverAfterTheDeadline", "2022-07-01", nil, activity.MessageFiling, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := describeAll(activity.Due(d, sentLog(tc.sent...), MustAt(t, tc.now), dueOptions(t, tc.kind)))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Due mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSummarize(t *testing.T) {
	d := dueData(t)
	s := activity.Summarize(d, activity.Date{Year: 2021, Month: time.October}, MustAt(t, "2021-11-01"), tokyo(t), time.April)
	type line struct {
		Code        string
		Done, Staff int
		Ben         string
		Yen         int64
	}
	var got []line
	for _, p := range s.Programs {
		got = append(got, line{p.Program.Code, p.Done, p.Staff, activity.FormatBeneficiaries(p.Beneficiaries, activity.Japanese), p.ExpenseYen})
	}
	want := []line{{"1-1", 2, 2, "中小企業3社", 8000}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("programs mismatch (-want +got):\n%s", diff)
	}
	var over []string
	for _, b := range s.OverBudget {
		over = append(over, fmt.Sprintf("%s %d>%d", b.Program.Code, b.ExpenseYen, b.BudgetYen))
	}
	if diff := cmp.Diff([]string{"1-1 8000>7000"}, over); diff != "" {
		t.Errorf("over budget mismatch (-want +got):\n%s", diff)
	}
}
