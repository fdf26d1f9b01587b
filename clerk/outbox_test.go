package clerk_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// MustSentTab writes a 送信履歴 tab with the header and rows given.
func MustSentTab(tb testing.TB, wb string, rows ...[]string) {
	tb.Helper()
	sheet := activity.Sheet{Name: "送信履歴"}
	for _, r := range rows {
		sheet.Rows = append(sheet.Rows, texts(r...))
	}
	if err := xlsx.OpenWorkbook(wb).Write(context.Background(), []activity.Sheet{sheet}); err != nil {
		tb.Fatal(err)
	}
}

func TestOutbox(t *testing.T) {
	ctx := context.Background()
	remind := clerk.Plan{Kinds: clerk.RemindKinds}
	oldHeader := []string{"送信日時", "種類", "対象", "宛先", "チャンネル", "ts", "キー"}
	t.Run("TabFromBeforeClaimsIsKeptAsSent", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 2)
		MustSentTab(t, wb, oldHeader, []string{"2021-12-01T10:00:00+09:00", "reminder", "2021-11", "会員001", "D001", "1638320400.000100", "reminder/2021-11/会員001/2021-12-01"})
		s := MustSlack(t, 2)
		b := &countingBook{Book: xlsx.OpenWorkbook(wb)}
		out, err := MustClerk(t, b, s).Send(ctx, dec1, remind)
		if err != nil || len(out.Slack.Sent) != 1 || postedKeys(s)["reminder/2021-11/会員001/2021-12-01"] != 0 {
			t.Fatalf("err %v, sent %d, %v; want only 会員002's reminder", err, len(out.Slack.Sent), postedKeys(s))
		}
		if keys := sentKeys(t, wb); len(keys) != 2 || keys["reminder/2021-11/会員001/2021-12-01"] != "1638320400.000100" {
			t.Errorf("record %v; want the old row kept and the new one added", keys)
		}
		grids, _ := xlsx.OpenWorkbook(wb).Read(ctx, []string{"送信履歴"})
		if got := grids["送信履歴"].At(0, 7).String(); got != "状態" {
			t.Errorf("header column H = %q; want the tab brought to the claim columns", got)
		}
	})
	t.Run("RowsInTheTabsOwnColumnOrder", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 1)
		head := []string{"キー", "メモ"} // a member moved キー first and added a column
		for _, c := range activity.SentColumns {
			if c.Key != "key" {
				head = append(head, c.Ja)
			}
		}
		MustSentTab(t, wb, head)
		s := MustSlack(t, 1)
		if _, err := MustClerk(t, xlsx.OpenWorkbook(wb), s).Send(ctx, dec1, remind); err != nil {
			t.Fatal(err)
		}
		grids, _ := xlsx.OpenWorkbook(wb).Read(ctx, []string{"送信履歴"})
		g := grids["送信履歴"]
		if len(g) != 3 || g.At(1, 0).String() != "reminder/2021-11/会員001/2021-12-01" || g.At(2, 1).String() != "" || !strings.HasPrefix(g.At(2, 6).String(), "D") {
			t.Errorf("rows %v; want the claim and the confirmation under their own headers", g)
		}
	})
	t.Run("PrunedAtMostOnceADay", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 2)
		head := make([]string, len(activity.SentColumns))
		for i, c := range activity.SentColumns {
			head[i] = c.Ja
		}
		old := dec1.Add(-clerk.SentKeep - 48*time.Hour).Format(time.RFC3339)
		MustSentTab(t, wb, head, []string{old, "summary", "2020-09", "channel", "C0KATSUDO", "1", "summary/2020-09/channel/2020-10-01", "sent"})
		s := MustSlack(t, 2)
		b := &countingBook{Book: xlsx.OpenWorkbook(wb)}
		c := MustClerk(t, b, s)
		if _, err := c.Send(ctx, dec1, remind); err != nil {
			t.Fatal(err)
		}
		if keys := sentKeys(t, wb); len(keys) != 2 || keys["summary/2020-09/channel/2020-10-01"] != "" {
			t.Errorf("record %v; want the 400-day-old row pruned", keys)
		}
		writes := b.writes
		s.AddUser("U003", "")
		if _, err := c.Send(ctx, dec1.Add(24*time.Hour), remind); err != nil {
			t.Fatal(err)
		}
		if b.writes-writes > 2 {
			t.Errorf("%d writes the next day; want the claims and the confirmations appended, no prune", b.writes-writes)
		}
	})
	t.Run("UnreachableMemberLeavesNoClaim", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 2)
		s := MustSlack(t, 1) // U002 is nobody
		for i := 0; i < 2; i++ {
			out, err := MustClerk(t, xlsx.OpenWorkbook(wb), s).Send(ctx, dec1, remind)
			if err != nil || len(out.Slack.Problems) != 1 {
				t.Fatalf("run %d: err %v, problems %v; want 会員002 as the one problem", i+1, err, out.Slack.Problems)
			}
		}
		grids, _ := xlsx.OpenWorkbook(wb).Read(ctx, []string{"送信履歴"})
		for _, row := range grids["送信履歴"] {
			for _, c := range row {
				if strings.Contains(c.String(), "会員002") {
					t.Errorf("送信履歴 row %v names the member Slack cannot reach; want no claim left behind", row)
				}
			}
		}
	})
	t.Run("WebhookCannotSettleAnUnconfirmedClaim", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 0)
		s := MustSlack(t, 0)
		stop := &stoppingBook{Book: xlsx.OpenWorkbook(wb), ok: 2} // report, claims; then the machine stops
		c := MustClerk(t, stop, nil)
		webhook := func(c *clerk.Clerk) {
			c.Slack = func() clerk.Messenger { return bot.New(bot.Options{WebhookURL: s.WebhookURL}) }
		}
		webhook(c)
		if _, err := c.Pass(ctx, dec1, clerk.Plan{Report: true, Slack: true}); err == nil {
			t.Fatal("the pass did not report the failed record")
		}
		again := MustClerk(t, xlsx.OpenWorkbook(wb), nil)
		webhook(again)
		out, err := again.Pass(ctx, dec1, clerk.Plan{Report: true, Slack: true})
		if err != nil || len(s.Posts()) != 1 || len(out.Slack.Problems) != 1 || !strings.Contains(out.Slack.Problems[0].Text.Ja, "claimed の行を消してください") {
			t.Errorf("err %v, %d posts, problems %v; want the summary posted once and a person asked to look", err, len(s.Posts()), out.Slack.Problems)
		}
	})
}
