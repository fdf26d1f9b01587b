package activity_test

import (
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
)

// FuzzCheckSubmission feeds arbitrary form values through the check a
// submission gets: whatever a member types, it never panics, a problem
// always names a field of the form (or the member) and says something
// in both languages, and a submission without errors has a date and a
// program to write.
func FuzzCheckSubmission(f *testing.F) {
	f.Add("2021-11-14", "1-1", "1,200", "実施", "山田、ほか3名", "中小企業 1社")
	f.Add("平成33年1月1日", "9-9", "たくさん", "実施予定", "", "約")
	f.Add("2021年11月", "経営管理支援", "69,963千円", "中止", "3人", "1団体、中小企業6社")
	f.Add("", "", "", "", "", "")
	f.Fuzz(func(t *testing.T, date, program, expense, status, staff, bens string) {
		d := submissionData(t)
		sub := activity.Submission{Member: d.Roster.Find("山田"), Fields: map[string]string{
			"date": date, "program": program, "expense": expense, "status": status, "staff": staff, "beneficiaries": bens,
		}}
		c := activity.CheckSubmission(d, sub, time.April, time.Date(2021, 12, 1, 10, 0, 0, 0, time.UTC), time.UTC)
		for _, p := range c.Problems {
			if p.Message.Ja == "" || p.Message.En == "" {
				t.Errorf("problem %s on %q lacks a message", p.Code, p.Field)
			}
			if p.Field != "" && p.Field != "member" {
				if _, ok := sub.Fields[p.Field]; !ok {
					t.Errorf("problem %s on %q, not a field of the form", p.Code, p.Field)
				}
			}
		}
		if !c.Errors() && (c.Entry.Date.IsZero() || c.Entry.Program == nil || strings.TrimSpace(c.Cells["member"]) == "") {
			t.Errorf("no error, yet date %v program %v member %q", c.Entry.Date, c.Entry.Program, c.Cells["member"])
		}
	})
}
