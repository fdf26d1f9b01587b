package bot_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/bot/slacktest"
	"github.com/slack-go/slack"
)

func TestReminderButtons(t *testing.T) {
	for _, tc := range []struct {
		name    string
		buttons bool
		want    []string // action IDs
	}{
		{"NoButtonsWithoutIntake", false, nil},
		{"LogAndNoActivityWithIntake", true, []string{"katsudo_log_open", "katsudo_no_activity"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parts := bot.Render(reminder("山田", "U001"), bot.Style{Lang: activity.Japanese, Tabs: activity.DefaultTabs, Buttons: tc.buttons})
			var got []string
			var preset, confirm string
			for _, b := range parts[0].Blocks {
				if a, ok := b.(*slack.ActionBlock); ok {
					for _, e := range a.Elements.ElementSet {
						btn := e.(*slack.ButtonBlockElement)
						got = append(got, btn.ActionID)
						if btn.ActionID == "katsudo_log_open" {
							preset = btn.Value
						}
						if btn.Confirm != nil {
							confirm = btn.Confirm.Text.Text
						}
					}
				}
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Fatalf("buttons = %v, want %v", got, tc.want)
			}
			if tc.buttons {
				if preset != `{"p":"1-1","m":"2021-11"}` {
					t.Errorf("記入する pre-selects %s, want 1-1 for November", preset)
				}
				if !strings.Contains(confirm, "1-1 2021年11月") {
					t.Errorf("活動なし confirmation = %q, want what it logs", confirm)
				}
			}
		})
	}
}

func TestIntakeHTTP(t *testing.T) {
	in := bot.NewIntake(bot.IntakeOptions{})
	srv := httptest.NewServer(in.Handler(slacktest.SigningSecret))
	defer srv.Close()
	send := func(secret string, at time.Time) (int, string) {
		t.Helper()
		req, err := slacktest.SignedRequest(srv.URL+"/slack/events", "events_api", map[string]any{"type": "url_verification", "challenge": "c-123", "token": "x"}, secret, at)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	t.Run("URLVerificationAnswersTheChallenge", func(t *testing.T) {
		if code, body := send(slacktest.SigningSecret, time.Now()); code != http.StatusOK || body != "c-123" {
			t.Errorf("got %d %q, want 200 c-123", code, body)
		}
	})
	t.Run("WrongSignatureIsRefused", func(t *testing.T) {
		if code, _ := send("other", time.Now()); code != http.StatusUnauthorized {
			t.Errorf("status = %d, want 401", code)
		}
	})
	t.Run("ReplayAfterFiveMinutesIsRefused", func(t *testing.T) {
		if code, _ := send(slacktest.SigningSecret, time.Now().Add(-5*time.Minute-10*time.Second)); code != http.StatusUnauthorized {
			t.Errorf("status = %d, want 401", code)
		}
	})
	t.Run("BadPayloadIsRefused", func(t *testing.T) {
		req, _ := slacktest.SignedRequest(srv.URL+"/slack/interactive", "interactive", json.RawMessage(`"not an object"`), slacktest.SigningSecret, time.Now())
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("status = %d, want 400", resp.StatusCode)
		}
	})
}

func TestRunSocketRefusedToken(t *testing.T) {
	s := slacktest.New()
	defer s.Close()
	in := bot.NewIntake(bot.IntakeOptions{Token: slacktest.Token, APIURL: s.URL})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := in.RunSocket(ctx, "xapp-not-the-token")
	if err == nil || !strings.Contains(err.Error(), "invalid_auth") || strings.Contains(err.Error(), "xapp-not") {
		t.Errorf("err = %v, want invalid_auth without the token", err)
	}
}
