package activity_test

import (
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
)

// TestDueReusesTheCheck: a pass that has just checked the log hands its
// findings to Due, and the summary counts those rather than checking again;
// findings of another fiscal year are not reused.
func TestDueReusesTheCheck(t *testing.T) {
	d := dueData(t)
	now := MustAt(t, "2021-12-01")
	o := dueOptions(t)
	o.Kinds = []activity.MessageKind{activity.MessageSummary}
	sentinel := []activity.Finding{
		{Code: activity.CodeSettledMismatch, Severity: activity.SeverityError, Ref: "事業!H3", Row: -1},
		{Code: activity.CodeSubtotalMismatch, Severity: activity.SeverityError, Ref: "事業!H2", Row: -1},
		{Code: activity.CodeUnparsable, Severity: activity.SeverityError, Ref: "活動ログ!A2", Row: 1},
	}
	summaryErrors := func(o activity.DueOptions) int {
		msgs := activity.Due(d, nil, now, o)
		if len(msgs) != 1 || msgs[0].Summary == nil {
			t.Fatalf("want one summary, got %d messages", len(msgs))
		}
		return msgs[0].Summary.Errors
	}
	fresh := summaryErrors(o)
	if fresh == len(sentinel) {
		t.Fatalf("the log itself has %d errors: the test cannot tell reuse from a fresh check", fresh)
	}

	o.Checked, o.CheckedYear = sentinel, fy2021
	if got := summaryErrors(o); got != len(sentinel) {
		t.Errorf("summary counts %d errors, want the %d handed in", got, len(sentinel))
	}
	o.CheckedYear = activity.FiscalYear{Year: 2020, StartMonth: fy2021.StartMonth}
	if got := summaryErrors(o); got != fresh {
		t.Errorf("findings of FY2020 were reused for FY2021: %d errors, want %d", got, fresh)
	}
}
