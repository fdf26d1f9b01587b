package slacktest_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/bot/slacktest"
	"github.com/slack-go/slack"
)

func TestServer(t *testing.T) {
	ctx := context.Background()
	s := slacktest.New()
	defer s.Close()
	s.AddChannel("C1", "general", true)
	c := slack.New(slacktest.Token, slack.OptionAPIURL(s.URL))
	post := func(key string) error {
		_, _, err := c.PostMessageContext(ctx, "C1", slack.MsgOptionText(key, false),
			slack.MsgOptionMetadata(slack.SlackMetadata{EventType: "t", EventPayload: map[string]any{"key": key}}))
		return err
	}
	t.Run("OneMessageASecondPerChannel", func(t *testing.T) {
		s.LimitPosts(true)
		defer s.LimitPosts(false)
		if err := post("a"); err != nil {
			t.Fatal(err)
		}
		var rl *slack.RateLimitedError
		if err := post("b"); !errors.As(err, &rl) || rl.RetryAfter != time.Second {
			t.Fatalf("second post within a second: err = %v; want 429 with Retry-After 1", err)
		}
	})
	t.Run("HistoryPagesWithMetadata", func(t *testing.T) {
		for _, k := range []string{"c", "d", "e"} {
			if err := post(k); err != nil {
				t.Fatal(err)
			}
		}
		var keys []any
		cursor := ""
		for {
			h, err := c.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{ChannelID: "C1", Limit: 2, Cursor: cursor, IncludeAllMetadata: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range h.Messages {
				keys = append(keys, m.Metadata.EventPayload["key"])
			}
			if cursor = h.ResponseMetaData.NextCursor; !h.HasMore {
				break
			}
		}
		if len(keys) != 4 || keys[0] != "e" || keys[3] != "a" {
			t.Errorf("keys newest first = %v; want [e d c a]", keys)
		}
	})
	t.Run("FaultsAndRecordedCalls", func(t *testing.T) {
		s.FailOn("auth.test", 1, slacktest.Fault{Status: 500})
		var sc slack.StatusCodeError
		if _, err := c.AuthTestContext(ctx); !errors.As(err, &sc) || sc.Code != 500 {
			t.Errorf("err = %v; want a 500", err)
		}
		calls := s.Calls()
		last := calls[len(calls)-1]
		if last.Method != "auth.test" || last.Status != 500 || last.Form.Has("token") {
			t.Errorf("last call = %+v; want auth.test, 500, without the token", last)
		}
	})
}
