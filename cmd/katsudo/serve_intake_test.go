package main

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"context"

	"github.com/katsudo-npo/katsudo/bot/slacktest"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// TestServeLogsFromSlack runs katsudo serve with both transports: a
// member opens the form with /katsudo over Socket Mode, another submits
// a row over HTTP; requests with a wrong signature or an old timestamp
// are refused and change nothing.
func TestServeLogsFromSlack(t *testing.T) {
	dir := t.TempDir()
	wb := MustSlackWorkbook(t, dir, 2)
	slack, environ := MustSlack(t, 2)
	environ["SLACK_APP_TOKEN"] = slacktest.AppToken
	environ["SLACK_SIGNING_SECRET"] = slacktest.SigningSecret
	environ["KATSUDO_LOCK_FILE"] = filepath.Join(dir, "katsudo.lock")
	s := MustServe(t, environ, "--workbook", wb, "--now", "2021-12-01T10:00:00+09:00")

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := slack.WaitConnected(ctx); err != nil {
		t.Fatalf("serve did not connect over Socket Mode: %v\n%s", err, s.log)
	}
	id, err := slack.Deliver("slash_commands", map[string]any{"command": "/katsudo", "user_id": "U001", "trigger_id": "T1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := slack.WaitAck(ctx, id); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the modal opened over Socket Mode", func() bool { return modals(slack) == 1 })

	post := func(path string, payload any, secret string, at time.Time) int {
		t.Helper()
		req, err := slacktest.SignedRequest("http://"+s.addr+path, typeOf(path), payload, secret, at)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	sub := map[string]any{"type": "view_submission", "user": map[string]any{"id": "U002"}, "view": map[string]any{
		"id": "VHTTP", "type": "modal", "callback_id": "katsudo_log", "state": map[string]any{"values": map[string]any{
			"program": map[string]any{"value": map[string]any{"type": "static_select", "selected_option": map[string]any{"value": "1-1"}}},
			"date":    map[string]any{"value": map[string]any{"type": "datepicker", "selected_date": "2021-11-02"}},
			"expense": map[string]any{"value": map[string]any{"type": "plain_text_input", "value": "0"}},
			"status":  map[string]any{"value": map[string]any{"type": "static_select", "selected_option": map[string]any{"value": "実施"}}},
		}}}}
	now := time.Now()
	for _, tc := range []struct {
		name   string
		secret string
		at     time.Time
		want   int
	}{
		{"WrongSecretIsRefused", "not-the-secret", now, http.StatusUnauthorized},
		{"OldTimestampIsRefused", slacktest.SigningSecret, now.Add(-6 * time.Minute), http.StatusUnauthorized},
		{"SignedRequestIsTaken", slacktest.SigningSecret, now, http.StatusOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := post("/slack/interactive", sub, tc.secret, tc.at); got != tc.want {
				t.Errorf("status = %d, want %d", got, tc.want)
			}
		})
	}
	eventually(t, "the row from HTTP in the workbook", func() bool {
		grids, err := xlsx.OpenWorkbook(wb).Read(context.Background(), []string{"活動ログ"})
		if err != nil {
			return false
		}
		n := 0
		for _, row := range grids["活動ログ"] {
			var vals []string
			for _, c := range row {
				vals = append(vals, c.String())
			}
			if strings.Contains(strings.Join(vals, "|"), "2021-11-02|1-1") && strings.Contains(strings.Join(vals, "|"), "会員002") {
				n++
			}
		}
		return n == 1
	})
	t.Run("CommandAndHomeOverHTTP", func(t *testing.T) {
		views := modals(slack)
		if got := post("/slack/commands", map[string]any{"command": "/katsudo", "user_id": "U002", "trigger_id": "T2"}, slacktest.SigningSecret, time.Now()); got != http.StatusOK {
			t.Fatalf("/slack/commands: %d", got)
		}
		eventually(t, "a second modal opened over HTTP", func() bool { return modals(slack) == views+1 })
		ev := map[string]any{"type": "event_callback", "event": map[string]any{"type": "app_home_opened", "user": "U002", "tab": "home"}}
		if got := post("/slack/events", ev, slacktest.SigningSecret, time.Now()); got != http.StatusOK {
			t.Fatalf("/slack/events: %d", got)
		}
		eventually(t, "the home tab published", func() bool { _, ok := slack.Home("U002"); return ok })
	})
	code, _ := s.stop(t)
	if code != 0 {
		t.Errorf("exit %d\n%s", code, s.log)
	}
	for _, secret := range []string{slacktest.AppToken, slacktest.SigningSecret, "xoxb-"} {
		if strings.Contains(s.log.String(), secret) {
			t.Errorf("the log holds a secret (%s…)", secret[:4])
		}
	}
}

func typeOf(path string) string {
	switch path {
	case "/slack/commands":
		return "slash_commands"
	case "/slack/interactive":
		return "interactive"
	}
	return "events_api"
}

// modals counts the modals the app opened (home tabs aside).
func modals(s *slacktest.Server) int {
	n := 0
	for _, v := range s.Views() {
		if v.Type == "modal" {
			n++
		}
	}
	return n
}

// TestServeSaysWhenSocketModeStops: a Socket Mode Slack refuses (a
// revoked app token) makes /healthz answer 503 naming it, while the jobs
// go on; the token never shows.
func TestServeSaysWhenSocketModeStops(t *testing.T) {
	dir := t.TempDir()
	wb := MustSlackWorkbook(t, dir, 2)
	_, environ := MustSlack(t, 2)
	environ["SLACK_APP_TOKEN"] = "xapp-1-revoked-0000"
	environ["KATSUDO_LOCK_FILE"] = filepath.Join(dir, "katsudo.lock")
	s := MustServe(t, environ, "--workbook", wb, "--now", "2021-12-01T10:00:00+09:00")
	var body string
	eventually(t, "/healthz saying Socket Mode is down", func() bool {
		code, b := s.get(t, "/healthz")
		body = b
		return code == http.StatusServiceUnavailable && strings.Contains(b, `"slack-socket-mode"`) && strings.Contains(b, `"down"`)
	})
	if strings.Contains(body, "xapp-1-revoked") {
		t.Errorf("/healthz shows the app token:\n%s", body)
	}
}
