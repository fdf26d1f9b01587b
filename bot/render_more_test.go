package bot_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
)

// TestRenderSaysHowManyMore: a summary or filing reminder that lists only
// the worst few findings says how many it leaves out, and links the
// findings tab where they all are.
func TestRenderSaysHowManyMore(t *testing.T) {
	tests := []struct {
		name    string
		kind    activity.MessageKind
		day     string
		errs    int
		warns   int
		lang    activity.Lang
		want    string // in the plain text
		notWant string
	}{
		{"FilingSixErrorsListsThreeJa", activity.MessageFiling, "2022-06-24", 6, 2, activity.Japanese, "ほかに エラー 3件 があります。すべて チェック タブ に一覧があります", ""},
		{"FilingSixErrorsListsThreeEn", activity.MessageFiling, "2022-06-24", 6, 2, activity.English, "Not listed here: 3 errors; all are in the チェック tab", ""},
		{"FilingAllListed", activity.MessageFiling, "2022-06-24", 3, 9, activity.Japanese, "", "ほかに"},
		{"SummaryErrorsAndWarnings", activity.MessageSummary, "2022-04-01", 6, 12, activity.Japanese, "ほかに エラー 3件・注意 12件 があります", ""},
		{"SummaryOneMoreWarningEn", activity.MessageSummary, "2022-04-01", 3, 1, activity.English, "Not listed here: 1 warning; all are in the チェック tab", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := demoDue(t, tt.day, tt.kind)
			for i := range ms {
				switch {
				case ms[i].Filing != nil:
					f := *ms[i].Filing
					f.Errors, f.Warnings = tt.errs, tt.warns
					ms[i].Filing = &f
				case ms[i].Summary != nil:
					s := *ms[i].Summary
					s.Errors, s.Warnings = tt.errs, tt.warns
					ms[i].Summary = &s
				}
			}
			got := plainText(ms, style(tt.lang))
			if tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("the message lacks %q:\n%s", tt.want, got)
			}
			if tt.notWant != "" && strings.Contains(got, tt.notWant) {
				t.Errorf("the message has %q although every finding is listed:\n%s", tt.notWant, got)
			}
			if tt.want != "" {
				blocks, _ := json.Marshal(bot.Render(ms[0], style(tt.lang))[0].Blocks)
				if !strings.Contains(string(blocks), sheetLink(activity.DefaultTabs.Findings)+"|") {
					t.Errorf("the findings tab is not linked:\n%s", blocks)
				}
			}
		})
	}
}

// TestRenderSaysPostponed: a postponed row (延期) is counted apart from
// the cancelled ones (中止) in the summary.
func TestRenderSaysPostponed(t *testing.T) {
	tests := []struct {
		name                 string
		cancelled, postponed int
		lang                 activity.Lang
		want, notWant        string
	}{
		{"CancelledAndPostponed", 3, 1, activity.Japanese, "（中止 2件・延期 1件）", ""},
		{"OnlyPostponed", 1, 1, activity.Japanese, "（延期 1件）", "中止"},
		{"OnlyPostponedEn", 2, 2, activity.English, "(2 postponed)", "cancelled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := demoDue(t, "2022-04-01", activity.MessageSummary)
			s := *ms[0].Summary
			s.Cancelled, s.Postponed = tt.cancelled, tt.postponed
			ms[0].Summary = &s
			got := plainText(ms[:1], style(tt.lang))
			head := strings.SplitN(got, "\n", 4)[2]
			if !strings.Contains(head, tt.want) || (tt.notWant != "" && strings.Contains(head, tt.notWant)) {
				t.Errorf("summary line %q; want %q without %q", head, tt.want, tt.notWant)
			}
		})
	}
}
