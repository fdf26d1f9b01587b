package activity_test

import (
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
)

var statusTests = []struct {
	in   string
	want activity.Status
}{
	{"", activity.StatusDone},
	{"実施", activity.StatusDone},
	{"済", activity.StatusDone},
	{"済み", activity.StatusDone},
	{"完了", activity.StatusDone},
	{"実施済", activity.StatusDone},
	{"実施済み", activity.StatusDone},
	{"done", activity.StatusDone},
	{"Done", activity.StatusDone},
	{"ＤＯＮＥ", activity.StatusDone},
	{"○", activity.StatusDone},
	{" 実施 ", activity.StatusDone},
	{"実施（オンライン）", activity.StatusDone},
	{"実施 オンライン", activity.StatusDone},
	{"中止", activity.StatusCancelled},
	{"中止（コロナ）", activity.StatusCancelled},
	{"中止 雨天", activity.StatusCancelled},
	{"中止になりました", activity.StatusCancelled},
	{"延期", activity.StatusCancelled},
	{"順延", activity.StatusCancelled},
	{"キャンセル", activity.StatusCancelled},
	{"cancelled", activity.StatusCancelled},
	{"Canceled", activity.StatusCancelled},
	{"CANCELLED (rain)", activity.StatusCancelled},
	{"活動なし", activity.StatusNoActivity},
	{"活動無し", activity.StatusNoActivity},
	{"なし", activity.StatusNoActivity},
	{"None", activity.StatusNoActivity},
	{"no activity", activity.StatusNoActivity},
	{"No Activity", activity.StatusNoActivity},
}

func TestParseStatus(t *testing.T) {
	for _, tt := range statusTests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := activity.ParseStatus(activity.TextCell(tt.in))
			if err != nil {
				t.Fatalf("ParseStatus(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseStatus(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseStatusErrors(t *testing.T) {
	for _, c := range []activity.Cell{
		activity.TextCell("実施予定"), // planned is not done
		activity.TextCell("未実施"),
		activity.TextCell("未定"),
		activity.TextCell("-"),
		activity.TextCell("やった"),
		activity.NumberCell(1),
	} {
		t.Run("Unparsable/"+c.String(), func(t *testing.T) {
			got, err := activity.ParseStatus(c)
			if got != activity.StatusDone {
				t.Errorf("ParseStatus(%q) = %v, want the zero Status with the error", c.String(), got)
			}
			ce := MustCellError(t, err, activity.CodeUnparsable, c.String())
			for _, w := range []string{"実施", "中止", "活動なし"} {
				if !strings.Contains(ce.Reason.Ja, w) || !strings.Contains(ce.Reason.En, w) {
					t.Errorf("reason = %+v, want it to list %s", ce.Reason, w)
				}
			}
		})
	}
}

func FuzzParseStatus(f *testing.F) {
	for _, tt := range statusTests {
		f.Add(tt.in)
	}
	f.Add("実施予定")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := activity.ParseStatus(activity.TextCell(s))
		if err != nil {
			if got != activity.StatusDone {
				t.Fatalf("ParseStatus(%q) = %v with error %v, want StatusDone", s, got, err)
			}
			MustCellErrorAnyCode(t, err, activity.CodeUnparsable)
			return
		}
		if got > activity.StatusNoActivity {
			t.Fatalf("ParseStatus(%q) = %v, not a status", s, got)
		}
	})
}

func BenchmarkParseStatus(b *testing.B) {
	cells := []activity.Cell{{}, activity.TextCell("実施"), activity.TextCell("中止（コロナ）"), activity.TextCell("活動なし")}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := activity.ParseStatus(cells[i%len(cells)]); err != nil {
			b.Fatal(err)
		}
	}
}
