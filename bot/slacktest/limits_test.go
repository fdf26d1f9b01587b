package slacktest_test

import (
	"context"
	"errors"
	"testing"

	"github.com/katsudo-npo/katsudo/bot/slacktest"
	"github.com/slack-go/slack"
)

func TestFaults(t *testing.T) {
	ctx := context.Background()
	s := slacktest.New()
	defer s.Close()
	s.AddChannel("C1", "general", true)
	c := slack.New(slacktest.Token, slack.OptionAPIURL(s.URL))
	t.Run("Tier3HistoryAnswers429AfterFifty", func(t *testing.T) {
		s.RateLimit("conversations.history", slacktest.Tier3)
		defer s.RateLimit("conversations.history", 0)
		for i := 0; i < slacktest.Tier3; i++ {
			if _, err := c.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{ChannelID: "C1"}); err != nil {
				t.Fatalf("call %d: %v", i+1, err)
			}
		}
		_, err := c.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{ChannelID: "C1"})
		var rl *slack.RateLimitedError
		if !errors.As(err, &rl) || rl.RetryAfter <= 0 {
			t.Errorf("call %d in a minute: err = %v; want 429 with a Retry-After", slacktest.Tier3+1, err)
		}
		if _, _, err := c.PostMessageContext(ctx, "C1", slack.MsgOptionText("x", false)); err != nil {
			t.Errorf("another method is held too: %v", err)
		}
	})
	t.Run("LostAnswerPostsTheMessage", func(t *testing.T) {
		before := len(s.Posts())
		s.FailOn("chat.postMessage", s.CountCalls()["chat.postMessage"]+1, slacktest.Fault{Lost: true})
		_, _, err := c.PostMessageContext(ctx, "C1", slack.MsgOptionText("lost", false))
		if err == nil {
			t.Error("no error; want the connection dropped")
		}
		if len(s.Posts()) != before+1 {
			t.Errorf("%d messages posted; want the lost one posted", len(s.Posts())-before)
		}
	})
	t.Run("OKWithoutTSPostsNothing", func(t *testing.T) {
		before := len(s.Posts())
		s.FailOn("chat.postMessage", s.CountCalls()["chat.postMessage"]+1, slacktest.Fault{NoTS: true})
		_, ts, err := c.PostMessageContext(ctx, "C1", slack.MsgOptionText("no ts", false))
		if err != nil || ts != "" || len(s.Posts()) != before {
			t.Errorf("err %v, ts %q, %d posted; want ok, no ts, nothing posted", err, ts, len(s.Posts())-before)
		}
	})
}
