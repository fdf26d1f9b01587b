package clerk_test

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

func TestSend(t *testing.T) {
	ctx := context.Background()
	remind := clerk.Plan{Kinds: clerk.RemindKinds}
	t.Run("EachMessageOnce", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 4)
		s := MustSlack(t, 4)
		c := MustClerk(t, xlsx.OpenWorkbook(wb), s)
		out, err := c.Send(ctx, dec1, remind)
		if err != nil || len(out.Slack.Sent) != 4 || len(s.Posts()) != 4 {
			t.Fatalf("first send: %d sent, %d posted, err %v; want 4", len(out.Slack.Sent), len(s.Posts()), err)
		}
		calls := len(s.Calls())
		out, err = c.Send(ctx, dec1.Add(5*time.Hour), remind)
		if err != nil || out.Due != 0 || len(s.Calls()) != calls {
			t.Errorf("second send: %d due, %d more Slack calls, err %v; want none", out.Due, len(s.Calls())-calls, err)
		}
		keys := sentKeys(t, wb)
		for k, n := range postedKeys(s) {
			if n != 1 || keys[k] == "" {
				t.Errorf("%s: %d in Slack, recorded ts %q", k, n, keys[k])
			}
		}
	})
	t.Run("HeldUntilItsSchedule", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 2)
		s := MustSlack(t, 2)
		c := MustClerk(t, xlsx.OpenWorkbook(wb), s)
		out, err := c.Send(ctx, instant("2021-12-01T08:00:00+09:00"), remind)
		if err != nil || len(s.Posts()) != 0 || out.Held != 2 || !out.Next.Equal(dec1) {
			t.Errorf("at 08:00: %d posted, %d held until %v, err %v; want none posted, 2 held until 10:00", len(s.Posts()), out.Held, out.Next, err)
		}
	})
	t.Run("ErrNoSlack", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 1)
		c := MustClerk(t, xlsx.OpenWorkbook(wb), nil)
		if _, err := c.Send(ctx, dec1, remind); !errors.Is(err, clerk.ErrNoSlack) {
			t.Errorf("err = %v; want ErrNoSlack", err)
		}
	})
	t.Run("CrashBetweenSendingAndRecording", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 12)
		s := MustSlack(t, 12)
		crashed := MustClerk(t, &stoppingBook{Book: xlsx.OpenWorkbook(wb), ok: 1}, s)
		if _, err := crashed.Send(ctx, dec1, remind); err == nil {
			t.Fatal("Send did not report the failed write")
		}
		sent := len(s.Posts())
		if sent == 0 || len(sentKeys(t, wb)) != 0 {
			t.Fatalf("before the rerun: %d posts, %d recorded; want some posts and none recorded", sent, len(sentKeys(t, wb)))
		}
		out, err := MustClerk(t, xlsx.OpenWorkbook(wb), s).Send(ctx, dec1, remind)
		if err != nil {
			t.Fatal(err)
		}
		keys := sentKeys(t, wb)
		if len(keys) != 12 || len(out.Slack.Recovered) != sent {
			t.Errorf("recorded %d keys, recovered %d after the rerun; want 12 and %d", len(keys), len(out.Slack.Recovered), sent)
		}
		for k, n := range postedKeys(s) {
			if n != 1 || keys[k] == "" {
				t.Errorf("%s: %d in Slack, recorded ts %q", k, n, keys[k])
			}
		}
	})
}

func TestPass(t *testing.T) {
	ctx := context.Background()
	t.Run("WritesTheTabsAndSendsWhatIsDue", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 3)
		s := MustSlack(t, 3)
		out, err := MustClerk(t, xlsx.OpenWorkbook(wb), s).Pass(ctx, dec1, clerk.Plan{Report: true, Slack: true})
		if err != nil || !out.Wrote || len(s.Posts()) != 4 || postedKeys(s)["summary/2021-11/channel/2021-12-01"] != 1 {
			t.Fatalf("wrote %v, %d posted %v, err %v; want the tabs, the November summary and 3 reminders", out.Wrote, len(s.Posts()), postedKeys(s), err)
		}
		grids, err := xlsx.OpenWorkbook(wb).Read(ctx, []string{"事業報告書", "チェック"})
		if err != nil || grids["事業報告書"].At(0, 0).Text == "" {
			t.Errorf("report tab not written: %v", err)
		}
	})
	t.Run("WithoutSlackSaysSo", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 1)
		out, err := MustClerk(t, xlsx.OpenWorkbook(wb), nil).Pass(ctx, dec1, clerk.Plan{Report: true, Slack: true})
		if err != nil || !out.Wrote || !out.NoSlack || out.Due != 2 {
			t.Errorf("wrote %v, no Slack %v, %d due, err %v; want the tabs written and 2 due without Slack", out.Wrote, out.NoSlack, out.Due, err)
		}
	})
	t.Run("NothingDueStillWritesTheTabs", func(t *testing.T) {
		// The report's tabs go with the claims; with nothing to claim they
		// are written on their own.
		wb := MustWorkbook(t, t.TempDir(), 3)
		s := MustSlack(t, 3)
		c := MustClerk(t, xlsx.OpenWorkbook(wb), s)
		if _, err := c.Pass(ctx, dec1, clerk.Plan{Report: true, Slack: true}); err != nil {
			t.Fatal(err)
		}
		stale := []activity.Sheet{{Name: "事業報告書", Rows: [][]activity.Value{texts("古い報告")}}}
		if err := xlsx.OpenWorkbook(wb).Write(ctx, stale); err != nil {
			t.Fatal(err)
		}
		posts := len(s.Posts())
		out, err := c.Pass(ctx, dec1, clerk.Plan{Report: true, Slack: true})
		grids, rerr := xlsx.OpenWorkbook(wb).Read(ctx, []string{"事業報告書"})
		if err != nil || rerr != nil || !out.Wrote || len(s.Posts()) != posts || grids["事業報告書"].At(0, 0).Text == "古い報告" {
			t.Errorf("err %v/%v, wrote %v, %d new posts, report A1 %q; want the tabs written again and nothing sent",
				err, rerr, out.Wrote, len(s.Posts())-posts, grids["事業報告書"].At(0, 0).Text)
		}
	})
	t.Run("SlackFailingBeforeAnyClaimStillWritesTheTabs", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 3)
		s := MustSlack(t, 3)
		s.SetToken("xoxb-revoked") // every call is invalid_auth
		out, err := MustClerk(t, xlsx.OpenWorkbook(wb), s).Pass(ctx, dec1, clerk.Plan{Report: true, Slack: true})
		grids, rerr := xlsx.OpenWorkbook(wb).Read(ctx, []string{"事業報告書"})
		if err == nil || rerr != nil || !out.Wrote || grids["事業報告書"].At(0, 0).Text == "" {
			t.Errorf("err %v, read %v, wrote %v; want Slack's error and the tabs written", err, rerr, out.Wrote)
		}
	})
	t.Run("ErrMissingColumns", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 0)
		err := xlsx.OpenWorkbook(wb).Write(ctx, []activity.Sheet{{Name: "活動ログ", Rows: [][]activity.Value{texts("日付", "事業", "内容", "記入者")}}})
		if err != nil {
			t.Fatal(err)
		}
		before, _ := os.ReadFile(wb)
		s := MustSlack(t, 0)
		out, err := MustClerk(t, xlsx.OpenWorkbook(wb), s).Pass(ctx, dec1, clerk.Plan{Report: true, Slack: true})
		after, _ := os.ReadFile(wb)
		if !errors.Is(err, clerk.ErrMissingColumns) || len(out.Findings) == 0 || string(before) != string(after) || len(s.Posts()) != 0 {
			t.Errorf("err %v, %d findings, file changed %v, %d posts; want ErrMissingColumns with its findings, nothing written or sent", err, len(out.Findings), string(before) != string(after), len(s.Posts()))
		}
	})
}
