package clerk_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// TestDryRun: `run --dry-run` shows the tabs and the messages a pass
// would send, writing nothing — and shows the messages even before Slack
// is set up, saying they would not go out.
func TestDryRun(t *testing.T) {
	for _, tc := range []struct {
		name  string
		slack bool
		want  []string
	}{
		{"WithSlack", true, []string{"活動ログ記入のお願い"}},
		{"WithoutSlackShowsWhatWouldGo", false, []string{"Slack が設定されていないため、次のメッセージは送られません", "活動ログ記入のお願い"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wb := MustWorkbook(t, t.TempDir(), 2)
			before, _ := os.ReadFile(wb)
			c := MustClerk(t, xlsx.OpenWorkbook(wb), nil)
			if tc.slack {
				c = MustClerk(t, xlsx.OpenWorkbook(wb), MustSlack(t, 2))
			}
			var out bytes.Buffer
			if err := c.DryRun(context.Background(), &out, dec1); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%.2000s", w, out.String())
				}
			}
			if after, _ := os.ReadFile(wb); !bytes.Equal(before, after) {
				t.Error("the workbook changed")
			}
		})
	}
}
