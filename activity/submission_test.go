package activity_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
)

// submissionData is a small log in which 山田 owes 1-1 for some months.
func submissionData(tb testing.TB) *activity.Dataset {
	tb.Helper()
	log := MustGrid(tb,
		r("記入者", "日付", "事業", "内容", "場所", "従事者", "受益対象", "支出額", "状態"),
		r("山田", "2021/4/10", "1-1", "相談", "横須賀市", "山田", "中小企業 1社", "1,000", nil),
		r("山田", "2021/5/10", "1-1", "相談", "横浜市", "山田", "中小企業 1社", "2,000", nil),
		r("山田", "2021/6/10", "1-1", "相談", "横浜市", "山田", "中小企業 1社", "1,500", nil),
		r("山田", "2021/7/10", "1-1", "相談", "横浜市", "山田", "中小企業 1社", "1,200", nil),
	)
	return activity.Load(activity.Input{Tabs: activity.DefaultTabs, Log: log, Programs: programsGrid(tb), Members: membersGrid(tb)})
}

func TestCheckSubmission(t *testing.T) {
	d := submissionData(t)
	yamada := d.Roster.Find("山田 太郎")
	now := time.Date(2021, 10, 15, 12, 0, 0, 0, tokyo(t))
	type problem struct {
		Field   string
		Code    activity.Code
		Warning bool
	}
	tests := []struct {
		name   string
		fields map[string]string
		member *activity.Member
		want   []problem
		cells  map[string]string
	}{
		{
			name:   "ValidRowHasNoProblemAndTheMemberFromSlack",
			fields: map[string]string{"date": "2021-09-14", "program": "1-1", "description": "相談", "place": "横浜市", "staff": "山田、ほか3名", "beneficiaries": "中小企業 1社", "expense": "１，２００円"},
			member: yamada,
			cells:  map[string]string{"date": "2021-09-14", "program": "1-1", "description": "相談", "place": "横浜市", "staff": "山田、ほか3名", "beneficiaries": "中小企業 1社", "expense": "１，２００円", "member": "山田 太郎"},
		},
		{
			name:   "UnreadableAmountIsAnErrorOnTheExpenseField",
			fields: map[string]string{"date": "2021-09-14", "program": "1-1", "expense": "たくさん"},
			member: yamada,
			want:   []problem{{"expense", activity.CodeUnparsable, false}},
		},
		{
			name:   "ImpossibleEraIsAnErrorOnTheDateField",
			fields: map[string]string{"date": "平成33年1月1日", "program": "1-1", "expense": "0"},
			member: yamada,
			want:   []problem{{"date", activity.CodeEraMismatch, false}},
		},
		{
			name:   "DoneRowWithoutExpenseIsAnError",
			fields: map[string]string{"date": "2021-09-14", "program": "1-1"},
			member: yamada,
			want:   []problem{{"expense", activity.CodeMissingField, false}},
		},
		{
			name:   "ProgramRemovedMeanwhileIsAnError",
			fields: map[string]string{"date": "2021-09-14", "program": "7-7", "expense": "0"},
			member: yamada,
			want:   []problem{{"program", activity.CodeUnknownProgram, false}},
		},
		{
			name:   "ThousandYenUnitAsksForConfirmation",
			fields: map[string]string{"date": "2021-09-14", "program": "1-1", "expense": "1,500千円"},
			member: yamada,
			want:   []problem{{"expense", activity.CodeUnitSuspect, true}},
		},
		{
			name:   "FutureDateAsksForConfirmation",
			fields: map[string]string{"date": "2021-12-01", "program": "1-1", "expense": "0"},
			member: yamada,
			want:   []problem{{"date", activity.CodeFutureDate, true}},
		},
		{
			name:   "SameRowTwiceAsksForConfirmation",
			fields: map[string]string{"date": "2021/7/10", "program": "1-1", "expense": "1200"},
			member: yamada,
			want:   []problem{{"date", activity.CodeDuplicateRow, true}},
		},
		{
			name:   "SlackUserNotInMembersIsAnError",
			fields: map[string]string{"date": "2021-09-14", "program": "1-1", "expense": "0"},
			want:   []problem{{"member", activity.CodeUnknownMember, false}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := activity.CheckSubmission(d, activity.Submission{Fields: tt.fields, Member: tt.member}, time.April, now, tokyo(t))
			var got []problem
			for _, p := range c.Problems {
				got = append(got, problem{p.Field, p.Code, p.Warning})
				if p.Message.Ja == "" || p.Message.En == "" {
					t.Errorf("problem %s on %s has no message in both languages", p.Code, p.Field)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s", diff)
			}
			if tt.cells != nil {
				if diff := cmp.Diff(tt.cells, c.Cells); diff != "" {
					t.Errorf("cells mismatch (-want +got):\n%s", diff)
				}
			}
			if gotErr := c.Errors(); gotErr != (len(tt.want) > 0 && !tt.want[0].Warning) {
				t.Errorf("Errors() = %v", gotErr)
			}
		})
	}
}

func TestPlaceRowFollowsTheTabsColumnOrder(t *testing.T) {
	d := submissionData(t)
	got := activity.PlaceRow(d.Log, map[string]string{"member": "山田 太郎", "date": "2021-09-14", "expense": "0", "note": "no such column"})
	want := []string{"山田 太郎", "2021-09-14", "", "", "", "", "", "0"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("row mismatch (-want +got):\n%s", diff)
	}
}

func TestOwedAndCompleted(t *testing.T) {
	d := submissionData(t)
	yamada := d.Roster.Find("山田")
	now := time.Date(2021, 10, 15, 12, 0, 0, 0, tokyo(t))
	before := activity.Owed(d, fy2021, now, tokyo(t), yamada)
	var months []string
	for _, me := range before {
		months = append(months, me.Program.Code+" "+me.Month.ISO())
	}
	if diff := cmp.Diff([]string{"1-1 2021-08", "1-1 2021-09"}, months); diff != "" {
		t.Fatalf("owed mismatch (-want +got):\n%s", diff)
	}
	c := activity.CheckSubmission(d, activity.NoActivity(before[0], yamada), time.April, now, tokyo(t))
	if len(c.Problems) > 0 {
		t.Fatalf("活動なし row has problems: %+v", c.Problems)
	}
	after := activity.Owed(d.WithEntry(c.Entry), fy2021, now, tokyo(t), yamada)
	done := activity.Completed(before, after)
	if len(done) != 1 || done[0].ISO() != "2021-08" {
		t.Errorf("completed = %v, want 2021-08", done)
	}
}
