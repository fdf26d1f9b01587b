package activity_test

import (
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
)

// FuzzPipeline feeds arbitrary log rows through Load, Compile, Check and
// the report's sheet and text: whatever members type, a run never
// panics, and the report's totals still add up.
func FuzzPipeline(f *testing.F) {
	f.Add("2021/5/10\t1-1\t相談\t横須賀市\t山田、鈴木\t中小企業 1社\tA社\t3,000円\t\t山田", 44330.0)
	f.Add("令和3年13月1日\t9-9\t\t\t3人\t約120名\t\t△1,000\t中止\t田中", -1.0)
	f.Add("2021年11月\t経営管理支援\t\t\t\t\t\t69,963千円\t活動なし\t", 1e300)
	f.Add("\t\t\t\t\t\t\t\t\t", 0.0)
	f.Fuzz(func(t *testing.T, row string, num float64) {
		cells := strings.Split(row, "\t")
		log := MustGrid(t, r("日付", "事業", "内容", "場所", "従事者", "受益対象", "受益先", "支出額", "状態", "記入者"))
		for i := 0; i < 3; i++ {
			var line []activity.Cell
			for j, c := range cells {
				if j == i {
					line = append(line, activity.NumberCell(num))
					continue
				}
				line = append(line, activity.TextCell(c))
			}
			log = append(log, line)
		}
		in := activity.Input{Tabs: activity.DefaultTabs, Log: log, Programs: programsGrid(t), Members: membersGrid(t)}
		d := activity.Load(in)
		for _, sen := range []bool{false, true} {
			rep := activity.Compile(d, fy2021, activity.Options{Sen: sen})
			fs := activity.Check(d, rep, fy2021, time.Date(2022, 4, 15, 0, 0, 0, 0, time.UTC), time.UTC)
			for _, f := range fs {
				if f.Code == "" || f.Ref == "" || f.Message.Ja == "" || f.Message.En == "" {
					t.Fatalf("incomplete finding %+v", f)
				}
			}
			var kinds int64
			for _, k := range rep.Kinds {
				kinds += k.ExpenseYen
			}
			if kinds != rep.TotalExpenseYen {
				t.Fatalf("kinds add to %d, total is %d", kinds, rep.TotalExpenseYen)
			}
			rep.Sheet("事業報告書")
			var b strings.Builder
			if err := rep.WriteText(&b); err != nil {
				t.Fatal(err)
			}
		}
	})
}
