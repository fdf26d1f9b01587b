package bot_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/demo"
	"github.com/slack-go/slack"
)

// demoDue is what is due for the demo organisation at 10:00 on a day.
func demoDue(tb testing.TB, day string, kind activity.MessageKind) []activity.Message {
	tb.Helper()
	d := activity.Load(demo.Grids())
	ms := activity.Due(d, nil, MustAt(tb, day), activity.DueOptions{
		Location: tokyo(tb), FiscalYearStartMonth: time.April, DeadlineDay: 5, FilingReminderDays: 30,
		Kinds: []activity.MessageKind{kind},
	})
	if len(ms) == 0 {
		tb.Fatalf("nothing of kind %s due on %s", kind, day)
	}
	return ms
}

// payload is what Slack receives for a message: each part's key,
// notification text and blocks.
func payload(tb testing.TB, ms []activity.Message, st bot.Style) string {
	tb.Helper()
	var b strings.Builder
	for _, m := range ms {
		for _, p := range bot.Render(m, st) {
			blocks, err := json.MarshalIndent(p.Blocks, "", "  ")
			if err != nil {
				tb.Fatal(err)
			}
			b.WriteString("key: " + p.Key + "\ntext: " + p.Text + "\n" + string(blocks) + "\n\n")
		}
	}
	return b.String()
}

func TestRenderGolden(t *testing.T) {
	for _, tc := range []struct {
		kind activity.MessageKind
		day  string
	}{
		{activity.MessageReminder, "2022-04-04"},
		{activity.MessageEscalation, "2022-04-05"},
		{activity.MessageSummary, "2022-04-01"},
		{activity.MessageFiling, "2022-06-24"},
	} {
		for _, lang := range []activity.Lang{activity.Japanese, activity.English} {
			name := string(tc.kind) + "." + string(lang) + ".golden"
			t.Run(name, func(t *testing.T) {
				ms := demoDue(t, tc.day, tc.kind)
				MustGolden(t, name, payload(t, ms, style(lang)))
				MustGolden(t, string(tc.kind)+"."+string(lang)+".txt.golden", plainText(ms, style(lang)))
			})
		}
	}
}

func plainText(ms []activity.Message, st bot.Style) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString("→ " + m.To.Name() + "\n" + bot.PlainText(bot.Render(m, st)) + "\n")
	}
	return b.String()
}

func TestRenderEscapesCells(t *testing.T) {
	evil := "<!channel> & <@U999|boss> <https://evil.example|click>"
	m := reminder("山田 <!here>", "U001")
	m.Reminder.Missing[0].Program = &activity.Program{Code: "1-1", Name: evil}
	m.Reminder.Rows = []activity.RowProblem{{
		Tab: "活動ログ", Row: 16, Ref: "活動ログ!A17", DateCell: "<!everyone>", Program: "1-1", Desc: evil,
		Problems: []activity.Finding{{Ref: "活動ログ!G17", Message: activity.Text{Ja: "「" + evil + "」を読めません", En: "cannot read \"" + evil + "\""}}},
	}}
	for _, lang := range []activity.Lang{activity.Japanese, activity.English} {
		for _, p := range bot.Render(m, style(lang)) {
			raw, _ := json.Marshal(p.Blocks)
			all := p.Text + string(raw)
			for _, bad := range []string{"<!channel>", "<!here>", "<!everyone>", "<@U999", "<https://evil"} {
				if strings.Contains(all, bad) || strings.Contains(all, strings.ReplaceAll(bad, "<", `\u003c`)) {
					t.Errorf("%s: %q reaches Slack unescaped", lang, bad)
				}
			}
			if !strings.Contains(string(raw), `\u0026lt;!channel\u0026gt; \u0026amp;`) {
				t.Errorf("%s: the cell is not escaped as &lt;!channel&gt; &amp;: %s", lang, raw)
			}
		}
	}
}

func TestRenderSplitsALongSummary(t *testing.T) {
	s := &activity.Summary{Month: activity.Date{Year: 2021, Month: time.November}, FiscalYear: activity.FiscalYear{Year: 2021, StartMonth: time.April}}
	for i := 0; i < 800; i++ {
		name := strings.Repeat("長い事業名", 40) + pad(i)
		s.Programs = append(s.Programs, activity.MonthProgram{Program: &activity.Program{Code: "9-" + itoa(i), Name: name}, Done: 1, ExpenseYen: 1000})
	}
	m := activity.Message{Kind: activity.MessageSummary, Key: "summary/2021-11/channel/2021-12-01", Period: "2021-11", Summary: s}
	parts := bot.Render(m, style(activity.Japanese))
	if len(parts) < 2 {
		t.Fatalf("%d parts; want the summary split in several", len(parts))
	}
	seen := map[string]bool{}
	var all strings.Builder
	for i, p := range parts {
		if want := m.Key + map[bool]string{true: "", false: "#" + itoa(i+1)}[i == 0]; p.Key != want {
			t.Errorf("part %d key = %q; want %q", i+1, p.Key, want)
		}
		if len(p.Blocks) > 50 {
			t.Errorf("part %d has %d blocks; Slack allows 50", i+1, len(p.Blocks))
		}
		for _, b := range p.Blocks {
			if sb, ok := b.(*slack.SectionBlock); ok {
				if n := len([]rune(sb.Text.Text)); n > 3000 {
					t.Errorf("part %d: a section of %d characters; Slack allows 3,000", i+1, n)
				}
				all.WriteString(sb.Text.Text + "\n")
			}
		}
		seen[p.Key] = true
	}
	for _, p := range s.Programs {
		if !strings.Contains(all.String(), p.Program.Name) {
			t.Fatalf("program %s was cut from the summary", p.Program.Code)
		}
	}
}
