package clerk_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/bot/slacktest"
	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
)

// MustIntake runs the Slack intake over Socket Mode against the fake
// Slack, on the clerk's desk, at the moment now; it stops with the test.
func MustIntake(tb testing.TB, c *clerk.Clerk, s *slacktest.Server, now time.Time) (*bot.Intake, *clerk.Desk) {
	tb.Helper()
	desk, err := c.Desk(func() time.Time { return now })
	if err != nil {
		tb.Fatal(err)
	}
	in := bot.NewIntake(bot.IntakeOptions{
		Desk: desk, Token: slacktest.Token, APIURL: s.URL,
		Style:    bot.Style{Lang: activity.Japanese, Tabs: c.Tabs(), Buttons: true},
		Location: c.Config.Location, FiscalYearStart: c.Config.FiscalYearStartMonth,
		Now: func() time.Time { return now },
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- in.RunSocket(ctx, slacktest.AppToken) }()
	tb.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			tb.Errorf("RunSocket: %v", err)
		}
		in.Wait()
	})
	wctx, wcancel := context.WithTimeout(ctx, 10*time.Second)
	defer wcancel()
	if err := s.WaitConnected(wctx); err != nil {
		tb.Fatalf("Socket Mode did not connect: %v", err)
	}
	return in, desk
}

// MustDeliver sends an envelope over Socket Mode and waits for its ack.
func MustDeliver(tb testing.TB, s *slacktest.Server, typ string, payload any) (string, slacktest.Ack) {
	tb.Helper()
	id, err := s.Deliver(typ, payload)
	if err != nil {
		tb.Fatal(err)
	}
	return id, MustAck(tb, s, id)
}

// MustAck waits for an envelope's acknowledgement.
func MustAck(tb testing.TB, s *slacktest.Server, id string) slacktest.Ack {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	a, err := s.WaitAck(ctx, id)
	if err != nil {
		tb.Fatalf("no ack for %s: %v", id, err)
	}
	return a
}

type obj = map[string]any

// slash is /katsudo typed by a user.
func slash(user, trigger string) obj {
	return obj{"command": "/katsudo", "text": "", "user_id": user, "trigger_id": trigger, "channel_id": "D" + user[1:]}
}

// submission is the modal view_submission with the fields typed
// (program and status selected, date picked, the rest typed).
func submission(user, viewID string, fields map[string]string) obj {
	values := obj{}
	for k, v := range fields {
		switch k {
		case "program", "status":
			values[k] = obj{"value": obj{"type": "static_select", "selected_option": obj{"value": v}}}
		case "date":
			values[k] = obj{"value": obj{"type": "datepicker", "selected_date": v}}
		default:
			values[k] = obj{"value": obj{"type": "plain_text_input", "value": v}}
		}
	}
	return obj{"type": "view_submission", "user": obj{"id": user}, "trigger_id": "T-sub",
		"view": obj{"id": viewID, "type": "modal", "callback_id": "katsudo_log", "private_metadata": "{}", "state": obj{"values": values}}}
}

// button is a click on one of katsudo's buttons on a message.
func button(user, action, channel, ts string) obj {
	return obj{"type": "block_actions", "user": obj{"id": user}, "trigger_id": "T-btn",
		"container": obj{"type": "message", "channel_id": channel, "message_ts": ts},
		"actions":   []obj{{"action_id": action, "block_id": "katsudo_actions", "type": "button", "value": ""}}}
}

// homeOpened is the Events API's app_home_opened.
func homeOpened(user string) obj {
	return obj{"type": "event_callback", "team_id": "T1", "api_app_id": "AKATSUDO",
		"event": obj{"type": "app_home_opened", "user": user, "tab": "home", "channel": "D" + user[1:]}}
}

// ackErrors are the field errors of a view_submission's ack.
func ackErrors(tb testing.TB, a slacktest.Ack) map[string]string {
	tb.Helper()
	if len(a.Payload) == 0 || string(a.Payload) == "null" {
		return nil
	}
	var r struct {
		Action string            `json:"response_action"`
		Errors map[string]string `json:"errors"`
	}
	if err := json.Unmarshal(a.Payload, &r); err != nil {
		tb.Fatal(err)
	}
	if r.Action != "errors" {
		tb.Fatalf("response_action = %q", r.Action)
	}
	return r.Errors
}

// logAppends counts the appends to 活動ログ (the 送信履歴 outbox appends
// too).
func logAppends(srv *sheetstest.Server) int {
	n := 0
	for _, r := range srv.Requests() {
		if r.Kind == sheetstest.KindAppend && strings.Contains(r.Path, "活動ログ") {
			n++
		}
	}
	return n
}

// intakeDesk is where each intake test starts: a spreadsheet of members
// on the fake Google, a fake Slack holding them, and the Slack intake
// running on the clerk's desk at dec1.
type intakeDesk struct {
	g    *sheetstest.Server
	b    clerk.Book
	s    *slacktest.Server
	in   *bot.Intake
	desk *clerk.Desk
}

// MustIntakeDesk starts an intakeDesk of n members; prepare changes the
// fake Slack first (a guest, a member's language).
func MustIntakeDesk(tb testing.TB, n int, prepare ...func(*slacktest.Server)) *intakeDesk {
	tb.Helper()
	f := &intakeDesk{s: MustSlack(tb, n)}
	for _, p := range prepare {
		p(f.s)
	}
	f.g, f.b = MustSheetsBook(tb, MustWorkbook(tb, tb.TempDir(), n))
	f.in, f.desk = MustIntake(tb, MustClerk(tb, f.b, f.s), f.s, dec1)
	return f
}

// reload makes the desk read the spreadsheet, as serve does when it
// starts taking requests.
func (f *intakeDesk) reload(tb testing.TB) {
	tb.Helper()
	if _, err := f.desk.Reload(context.Background()); err != nil {
		tb.Fatal(err)
	}
}
