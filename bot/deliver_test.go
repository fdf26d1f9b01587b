package bot_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/bot/slacktest"
)

// postsPerKey counts the messages Slack holds for each key.
func postsPerKey(s *slacktest.Server) map[string]int {
	n := map[string]int{}
	for _, p := range s.Posts() {
		key, _ := p.Metadata.EventPayload["key"].(string)
		n[key]++
	}
	return n
}

// MustExactlyOnce fails unless Slack holds each message's key once.
func MustExactlyOnce(tb testing.TB, s *slacktest.Server, ms []activity.Message) {
	tb.Helper()
	want := map[string]int{}
	for _, m := range ms {
		want[m.Key] = 1
	}
	if diff := cmp.Diff(want, postsPerKey(s)); diff != "" {
		tb.Errorf("messages in Slack per key mismatch (-want +got):\n%s", diff)
	}
}

func TestDeliver(t *testing.T) {
	ctx := context.Background()
	t.Run("SecondRunSendsNothing", func(t *testing.T) {
		s := MustServer(t, 20)
		ms := reminders(20)
		store := &memStore{}
		c := &fakeClock{now: MustAt(t, "2021-12-01")}
		out, err := sender(s, c, nil).Deliver(ctx, ms, style(activity.Japanese), store)
		if err != nil || len(out.Sent) != 20 || len(out.Problems) != 0 {
			t.Fatalf("first run: err %v, sent %d, problems %v", err, len(out.Sent), out.Problems)
		}
		before := len(s.Calls())
		out, err = sender(s, c, nil).Deliver(ctx, ms, style(activity.Japanese), store)
		if err != nil || len(out.Sent) != 0 || out.Skipped != 20 {
			t.Errorf("second run: err %v, sent %d, skipped %d; want 0 and 20", err, len(out.Sent), out.Skipped)
		}
		if calls := s.Calls()[before:]; len(calls) != 0 {
			t.Errorf("second run made %d Slack calls; want none", len(calls))
		}
		MustExactlyOnce(t, s, ms)
		if store.writes != 1 {
			t.Errorf("confirmations written %d times for 20 DMs; want once", store.writes)
		}
	})
	t.Run("CrashBetweenSendingAndRecording", func(t *testing.T) {
		s := MustServer(t, 20)
		ms := reminders(20)
		store := &memStore{fail: 1000}
		c := &fakeClock{now: MustAt(t, "2021-12-01")}
		if _, err := sender(s, c, nil).Deliver(ctx, ms, style(activity.Japanese), store); err == nil {
			t.Fatal("Deliver did not report the failed record")
		}
		store.fail = 0
		sentBefore := len(s.Posts())
		out, err := sender(s, c, nil).Deliver(ctx, ms, style(activity.Japanese), store)
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Sent)+len(out.Recovered) != 20 || len(out.Recovered) != sentBefore {
			t.Errorf("rerun: sent %d, recovered %d; want the %d sent before recovered and the rest sent", len(out.Sent), len(out.Recovered), sentBefore)
		}
		MustExactlyOnce(t, s, ms)
		for _, m := range ms {
			if !store.log.Has(m.Key) {
				t.Errorf("%s not recorded after the rerun", m.Key)
			}
		}
		for _, r := range store.sent() {
			if r.TS == "" || !strings.HasPrefix(r.Channel, "D") {
				t.Errorf("record %+v lacks Slack's ts or channel", r)
			}
		}
	})
	t.Run("RateLimitedInTheMiddle", func(t *testing.T) {
		s := MustServer(t, 20)
		s.FailOn("chat.postMessage", 10, slacktest.Fault{Status: 429, RetryAfter: 3})
		s.FailOn("users.lookupByEmail", 4, slacktest.Fault{Status: 429, RetryAfter: 1})
		ms := reminders(20)
		c := &fakeClock{now: MustAt(t, "2021-12-01")}
		out, err := sender(s, c, nil).Deliver(ctx, ms, style(activity.Japanese), &memStore{})
		if err != nil || len(out.Sent) != 20 {
			t.Fatalf("err %v, sent %d", err, len(out.Sent))
		}
		MustExactlyOnce(t, s, ms)
		if diff := cmp.Diff([]time.Duration{time.Second, 3 * time.Second}, c.waited); diff != "" {
			t.Errorf("waits mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("InterruptedRunRecordsWhatItSent", func(t *testing.T) {
		s := MustServer(t, 5)
		s.FailOn("chat.postMessage", 3, slacktest.Fault{Status: 429, RetryAfter: 1})
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		stop := func(ctx context.Context, _ time.Duration) error { cancel(); return ctx.Err() } // SIGTERM while waiting
		store := &memStore{}
		_, err := sender(s, &fakeClock{}, func(o *bot.Options) { o.Sleep = stop }).Deliver(ctx, reminders(5), style(activity.Japanese), store)
		if !errors.Is(err, context.Canceled) || len(s.Posts()) != 2 || len(store.sent()) != 2 {
			t.Errorf("err %v, %d posted, %d recorded; want canceled with the 2 posted recorded", err, len(s.Posts()), len(store.sent()))
		}
	})
	t.Run("ServerErrorAfterPostingIsNotSentTwice", func(t *testing.T) {
		s := MustServer(t, 5)
		s.FailOn("chat.postMessage", 3, slacktest.Fault{Status: 500, After: true})
		ms := reminders(5)
		out, err := sender(s, &fakeClock{now: MustAt(t, "2021-12-01")}, nil).Deliver(ctx, ms, style(activity.Japanese), &memStore{})
		if err != nil || len(out.Sent)+len(out.Recovered) != 5 {
			t.Fatalf("err %v, sent %d, recovered %d", err, len(out.Sent), len(out.Recovered))
		}
		MustExactlyOnce(t, s, ms)
	})
	t.Run("ServerErrorBeforePostingIsRetried", func(t *testing.T) {
		s := MustServer(t, 3)
		s.FailOn("chat.postMessage", 2, slacktest.Fault{Status: 503})
		s.FailOn("conversations.open", 1, slacktest.Fault{Status: 500})
		ms := reminders(3)
		out, err := sender(s, &fakeClock{now: MustAt(t, "2021-12-01")}, nil).Deliver(ctx, ms, style(activity.Japanese), &memStore{})
		if err != nil || len(out.Sent) != 3 {
			t.Fatalf("err %v, sent %d", err, len(out.Sent))
		}
		MustExactlyOnce(t, s, ms)
	})
	t.Run("ChannelCellArrivesEscaped", func(t *testing.T) {
		s := MustServer(t, 1)
		m := reminder("山田", "U001")
		m.Reminder.Missing[0].Program = &activity.Program{Code: "1-1", Name: "<!channel> 緊急"}
		if _, err := sender(s, &fakeClock{}, nil).Deliver(ctx, []activity.Message{m}, style(activity.Japanese), &memStore{}); err != nil {
			t.Fatal(err)
		}
		posts := s.Posts()
		if len(posts) != 1 {
			t.Fatalf("%d posts", len(posts))
		}
		var blocks []map[string]any
		json.Unmarshal(posts[0].Blocks, &blocks)
		raw, _ := json.Marshal(blocks)
		if strings.Contains(string(posts[0].Blocks), "<!channel>") || !strings.Contains(string(raw), `\u0026lt;!channel\u0026gt; 緊急`) {
			t.Errorf("blocks as Slack got them: %s", posts[0].Blocks)
		}
	})
	t.Run("EmailsResolvedOncePerRun", func(t *testing.T) {
		s := MustServer(t, 4)
		ms := reminders(4)
		esc := activity.Message{Kind: activity.MessageEscalation, Key: "escalation/2021-11/channel/2021-12-06", Period: "2021-11",
			Escalation: &activity.Escalation{Month: activity.Date{Year: 2021, Month: time.November}, Deadline: activity.Date{Year: 2021, Month: time.December, Day: 6}}}
		for _, m := range ms {
			esc.Escalation.Outstanding = append(esc.Escalation.Outstanding, activity.Outstanding{Member: m.To.Member, Months: 1})
		}
		st := style(activity.Japanese)
		st.Mentions = true
		if _, err := sender(s, &fakeClock{}, nil).Deliver(ctx, append([]activity.Message{esc}, ms...), st, &memStore{}); err != nil {
			t.Fatal(err)
		}
		if n := s.CountCalls()["users.lookupByEmail"]; n != 2 {
			t.Errorf("users.lookupByEmail called %d times for 2 members given by e-mail; want 2", n)
		}
		var blocks []struct{ Text struct{ Text string } }
		json.Unmarshal(s.Posts()[0].Blocks, &blocks)
		if text := blocks[1].Text.Text; !strings.Contains(text, "<@U001>") || !strings.Contains(text, "<@U002>") {
			t.Errorf("the escalation does not mention the members: %s", text)
		}
	})
}

func TestDeliverProblems(t *testing.T) {
	ctx := context.Background()
	s := MustServer(t, 3)
	s.DeleteUser("U003")
	ms := []activity.Message{
		reminder("会員001", "U001"),
		reminder("未登録", "nobody@example.org"),
		reminder("空欄", ""),
		reminder("退会済み", "U003"),
		reminder("読めない", "山田さん"),
		{Kind: activity.MessageSummary, Key: "summary/2021-11/channel/2021-12-01", Period: "2021-11", Summary: &activity.Summary{}},
	}
	out, err := sender(s, &fakeClock{}, func(o *bot.Options) { o.Channel = "C0OTHER" }).Deliver(ctx, ms, style(activity.English), &memStore{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range out.Problems {
		fix := p.Text.En
		if _, after, ok := strings.Cut(fix, ": "); ok {
			fix = after
		}
		got = append(got, p.Member+" → "+strings.Join(strings.Fields(fix)[:3], " "))
	}
	want := []string{
		"未登録 → no Slack user",
		"空欄 → the Slack cell",
		"退会済み → Slack cannot reach",
		"読めない → the Slack cell",
		" → katsudo's Slack app",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	if len(out.Sent) != 1 {
		t.Errorf("sent %d; want the one reachable member's DM", len(out.Sent))
	}
}

func TestDeliverFatal(t *testing.T) {
	ctx := context.Background()
	t.Run("ErrTokenRefused", func(t *testing.T) {
		s := MustServer(t, 1)
		s.SetToken("xoxb-another")
		_, err := sender(s, &fakeClock{}, nil).Deliver(ctx, reminders(1), style(activity.Japanese), &memStore{})
		var fe *bot.FatalError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), "invalid_auth") || strings.Contains(err.Error(), slacktest.Token) {
			t.Errorf("err = %v; want a FatalError for invalid_auth that does not repeat the token", err)
		}
	})
	t.Run("ErrRateLimitBeyondTheBound", func(t *testing.T) {
		s := MustServer(t, 5)
		for n := 3; n < 10; n++ {
			s.FailOn("chat.postMessage", n, slacktest.Fault{Status: 429, RetryAfter: 30})
		}
		store := &memStore{}
		out, err := sender(s, &fakeClock{}, func(o *bot.Options) { o.MaxWait = time.Minute }).Deliver(ctx, reminders(5), style(activity.Japanese), store)
		var fe *bot.FatalError
		if !errors.As(err, &fe) {
			t.Fatalf("err = %v; want a FatalError", err)
		}
		if len(out.Sent) != 2 || len(store.sent()) != 2 {
			t.Errorf("sent %d, recorded %d; want the 2 sent before the limit recorded", len(out.Sent), len(store.sent()))
		}
	})
}

func TestDeliverWebhookOnly(t *testing.T) {
	s := MustServer(t, 2)
	summary := activity.Message{Kind: activity.MessageSummary, Key: "summary/2021-11/channel/2021-12-01", Period: "2021-11",
		Summary: &activity.Summary{Month: activity.Date{Year: 2021, Month: time.November}}}
	ms := append([]activity.Message{summary}, reminders(2)...)
	store := &memStore{}
	snd := bot.New(bot.Options{WebhookURL: s.WebhookURL, Sleep: (&fakeClock{}).Sleep})
	out, err := snd.Deliver(context.Background(), ms, style(activity.Japanese), store)
	if err != nil {
		t.Fatal(err)
	}
	posts := s.Posts()
	if len(posts) != 1 || !posts[0].Webhook || !store.log.Has(summary.Key) {
		t.Errorf("posts %+v, recorded %v; want the summary through the webhook, recorded", posts, store.log.Has(summary.Key))
	}
	if len(out.Problems) != 1 || !strings.Contains(out.Problems[0].Text.En, "could not send 2 reminder DMs") {
		t.Errorf("problems = %+v; want one saying DMs need a bot token", out.Problems)
	}
	if _, err := snd.Deliver(context.Background(), ms[:1], style(activity.Japanese), store); err != nil || len(s.Posts()) != 1 {
		t.Errorf("second run: err %v, %d posts; want nothing new", err, len(s.Posts()))
	}
}

func TestDeliverKeepsSecretsAndCellsOutOfLogs(t *testing.T) {
	var logs strings.Builder
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	// With a bot token, through a rate limit and a failed call.
	s := MustServer(t, 2)
	s.FailOn("chat.postMessage", 1, slacktest.Fault{Status: 429, RetryAfter: 1})
	s.FailOn("conversations.open", 2, slacktest.Fault{Status: 502})
	ms := reminders(2)
	ms[0].Reminder.Missing[0].Program = &activity.Program{Code: "1-1", Name: "秘密の事業"}
	if _, err := sender(s, &fakeClock{}, func(o *bot.Options) { o.Logger = logger }).Deliver(context.Background(), ms, style(activity.Japanese), &memStore{}); err != nil {
		t.Fatal(err)
	}
	// With a webhook that cannot be reached: its URL is a secret.
	secret := "http://127.0.0.1:1/services/T000/B000/SECRETSECRET"
	summary := activity.Message{Kind: activity.MessageSummary, Key: "summary/2021-11/channel/2021-12-01", Period: "2021-11", Summary: &activity.Summary{}}
	out, err := bot.New(bot.Options{WebhookURL: secret, Logger: logger}).Deliver(context.Background(), []activity.Message{summary}, style(activity.Japanese), &memStore{})
	if err == nil || strings.Contains(err.Error(), "SECRET") || strings.Contains(fmt.Sprint(out.Problems), "SECRET") {
		t.Errorf("err = %v, problems %v; want an error that does not show the webhook URL", err, out.Problems)
	}
	for _, secret := range []string{slacktest.Token, "SECRET", "会員", "秘密", "経営管理支援", "reminder/"} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("the logs hold %q:\n%s", secret, logs.String())
		}
	}
	if !strings.Contains(logs.String(), "slack rate limit") {
		t.Errorf("the logs do not say katsudo waited on a rate limit:\n%s", logs.String())
	}
}

func TestDeliverPacesOneChannel(t *testing.T) {
	s := MustServer(t, 0)
	s.LimitPosts(true)
	sum := &activity.Summary{Month: activity.Date{Year: 2021, Month: time.November}}
	for i := 0; i < 800; i++ {
		sum.Programs = append(sum.Programs, activity.MonthProgram{Program: &activity.Program{Code: "9-" + itoa(i), Name: strings.Repeat("長い事業名", 40)}, Done: 1})
	}
	m := activity.Message{Kind: activity.MessageSummary, Key: "summary/2021-11/channel/2021-12-01", Period: "2021-11", Summary: sum}
	store := &memStore{}
	out, err := bot.New(bot.Options{Token: slacktest.Token, APIURL: s.URL, Channel: "C0KATSUDO"}).Deliver(context.Background(), []activity.Message{m}, style(activity.Japanese), store)
	if err != nil || len(out.Sent) < 2 {
		t.Fatalf("err %v, sent %d parts; want the summary in several", err, len(out.Sent))
	}
	for _, c := range s.Calls() {
		if c.Status != 200 {
			t.Errorf("%s answered %d: katsudo posted faster than one message a second", c.Method, c.Status)
		}
	}
	if store.writes != 1 {
		t.Errorf("confirmations written %d times for %d parts; want once", store.writes, len(out.Sent))
	}
}
