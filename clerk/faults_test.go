package clerk_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/bot/slacktest"
	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// withSleep makes the clerk's Slack wait through sleep instead of not at all.
func withSleep(c *clerk.Clerk, s *slacktest.Server, sleep func(context.Context, time.Duration) error) {
	c.Slack = func() clerk.Messenger {
		return bot.New(bot.Options{
			Token: slacktest.Token, APIURL: s.URL, Channel: c.Config.SlackChannel, Location: c.Config.Location, Sleep: sleep,
		})
	}
}

// MustOncePerKey fails unless Slack holds every recorded key once and the
// record holds every key Slack holds, with its ts.
func MustOncePerKey(tb testing.TB, s *slacktest.Server, wb string, want int) {
	tb.Helper()
	keys := sentKeys(tb, wb)
	posted := postedKeys(s)
	for k, n := range posted {
		if n != 1 || keys[k] == "" {
			tb.Errorf("%s: %d in Slack, recorded ts %q; want once, recorded", k, n, keys[k])
		}
	}
	if len(posted) != want || len(keys) != want {
		tb.Errorf("%d keys in Slack, %d recorded; want %d", len(posted), len(keys), want)
	}
}

// TestSendWhenSlackCannotBeKnown: a post whose fate Slack leaves unknown
// is never posted a second time on a guess; it is settled by searching
// the history, in this run or the next.
func TestSendWhenSlackCannotBeKnown(t *testing.T) {
	ctx := context.Background()
	remind := clerk.Plan{Kinds: clerk.RemindKinds}
	history500 := func(s *slacktest.Server, from, n int) {
		for i := from; i < from+n; i++ {
			s.FailOn("conversations.history", i, slacktest.Fault{Status: http.StatusInternalServerError})
		}
	}
	t.Run("LostAnswerThenHistoryErrors", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 3)
		s := MustSlack(t, 3)
		s.FailOn("chat.postMessage", 2, slacktest.Fault{Lost: true}) // posted, answer lost
		history500(s, 1, 3)                                          // every try of the one search
		out, err := MustClerk(t, xlsx.OpenWorkbook(wb), s).Send(ctx, dec1, remind)
		if err == nil || len(s.Posts()) != 2 {
			t.Fatalf("first run: err %v, %d posted; want it stopped by Slack failing, after the lost post", err, len(s.Posts()))
		}
		out, err = MustClerk(t, xlsx.OpenWorkbook(wb), s).Send(ctx, dec1, remind)
		if err != nil || len(out.Slack.Recovered) != 1 {
			t.Fatalf("next run: err %v, recovered %d; want the lost post found in the history", err, len(out.Slack.Recovered))
		}
		MustOncePerKey(t, s, wb, 3)
	})
	t.Run("FailedPostThenHistoryErrorsIsSentByTheNextRun", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 3)
		s := MustSlack(t, 3)
		s.FailOn("chat.postMessage", 2, slacktest.Fault{Status: http.StatusBadGateway}) // not posted
		history500(s, 1, 3)                                                             // every try of the one search
		if _, err := MustClerk(t, xlsx.OpenWorkbook(wb), s).Send(ctx, dec1, remind); err == nil {
			t.Fatal("first run: no error; want it stopped by Slack failing")
		}
		out, err := MustClerk(t, xlsx.OpenWorkbook(wb), s).Send(ctx, dec1, remind)
		if err != nil || len(out.Slack.Sent) != 2 {
			t.Fatalf("next run: err %v, sent %d; want the one that failed and the one never tried", err, len(out.Slack.Sent))
		}
		MustOncePerKey(t, s, wb, 3)
	})
	t.Run("OKWithoutTSIsNotADelivery", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 2)
		s := MustSlack(t, 2)
		s.FailOn("chat.postMessage", 1, slacktest.Fault{NoTS: true})
		out, err := MustClerk(t, xlsx.OpenWorkbook(wb), s).Send(ctx, dec1, remind)
		if err != nil || len(out.Slack.Sent) != 2 {
			t.Fatalf("err %v, sent %d; want both sent, the first after the history showed it missing", err, len(out.Slack.Sent))
		}
		MustOncePerKey(t, s, wb, 2)
	})
	t.Run("StoppedRunReleasesWhatItNeverTried", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 4)
		s := MustSlack(t, 4)
		s.FailOn("chat.postMessage", 2, slacktest.Fault{Status: http.StatusTooManyRequests, RetryAfter: 3600}) // past MaxWait
		if _, err := MustClerk(t, xlsx.OpenWorkbook(wb), s).Send(ctx, dec1, remind); err == nil {
			t.Fatal("first run: no error; want it stopped by the rate limit")
		}
		before := s.CountCalls()["conversations.history"]
		out, err := MustClerk(t, xlsx.OpenWorkbook(wb), s).Send(ctx, dec1, remind)
		searched := s.CountCalls()["conversations.history"] - before
		if err != nil || len(out.Slack.Sent) != 3 || searched != 1 {
			t.Errorf("next run: err %v, sent %d, %d history searches; want 3 sent and only the one tried searched for", err, len(out.Slack.Sent), searched)
		}
		MustOncePerKey(t, s, wb, 4)
	})
	t.Run("AnotherPostedDuringTheRateLimitWait", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 1)
		s := MustSlack(t, 1)
		s.FailOn("chat.postMessage", 1, slacktest.Fault{Status: http.StatusTooManyRequests, RetryAfter: 1})
		c := MustClerk(t, xlsx.OpenWorkbook(wb), s)
		key := "reminder/2021-11/会員001/2021-12-01"
		withSleep(c, s, func(ctx context.Context, d time.Duration) error {
			// Meanwhile another machine, which claimed the key on a
			// sheet this run did not see, posts it.
			if len(s.Posts()) == 0 {
				other := MustClerk(t, xlsx.OpenWorkbook(MustWorkbook(t, t.TempDir(), 1)), s)
				if _, err := other.Send(ctx, dec1, remind); err != nil {
					t.Error(err)
				}
			}
			return nil
		})
		out, err := c.Send(ctx, dec1, remind)
		if err != nil || len(out.Slack.Recovered) != 1 || postedKeys(s)[key] != 1 {
			t.Errorf("err %v, recovered %d, %v in Slack; want the other's post found after the wait, not a second", err, len(out.Slack.Recovered), postedKeys(s))
		}
	})
}
