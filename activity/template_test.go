package activity_test

import (
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
)

// TestTemplateHintsAreRead reads every example a log column's hint gives
// with the parser of that column: the template never invites what katsudo
// cannot read, and the column's check (RuleHint) accepts it too.
func TestTemplateHintsAreRead(t *testing.T) {
	parse := map[string]func(string) error{
		"date":    func(s string) error { _, err := activity.ParseDate(activity.TextCell(s)); return err },
		"expense": func(s string) error { _, err := activity.ParseAmount(activity.TextCell(s)); return err },
	}
	for _, tab := range activity.Template(activity.Tabs{Log: "活動ログ", Programs: "事業", Members: "会員", Report: "事業報告書", Findings: "チェック", Sent: "送信履歴"}) {
		for _, r := range tab.Rules {
			p, ok := parse[r.Column]
			if !ok || tab.Columns == nil {
				continue
			}
			t.Run(r.Column, func(t *testing.T) {
				if r.Kind != activity.RuleHint {
					t.Errorf("the %s column has a check (kind %d) that warns about what katsudo reads", r.Column, r.Kind)
				}
				examples := hintExamples(r.Help)
				if len(examples) < 2 {
					t.Fatalf("no examples in the hint %q", r.Help)
				}
				for _, ex := range examples {
					if err := p(ex); err != nil {
						t.Errorf("the hint invites %q, which katsudo cannot read: %v", ex, err)
					}
				}
			})
		}
	}
}

// hintExamples are the examples of a hint: after 「例:」, separated by 、,
// and each 「…」 quoted.
func hintExamples(help string) []string {
	var out []string
	_, after, ok := strings.Cut(help, "例:")
	if !ok {
		return nil
	}
	first, rest, _ := strings.Cut(after, "（")
	first, _, _ = strings.Cut(first, "。")
	for _, ex := range strings.Split(first, "、") {
		if ex = strings.TrimSpace(ex); ex != "" {
			out = append(out, ex)
		}
	}
	for _, part := range strings.Split(after+rest, "「")[1:] {
		if q, _, ok := strings.Cut(part, "」"); ok && !strings.Contains(q, "約") {
			out = append(out, q)
		}
	}
	return out
}
