package bot

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/slack-go/slack"
)

// absent is a part the history was searched for and does not hold.
const absent fate = -1

// postTries bounds the posts of one part in one run.
const postTries = 3

// searchable reports whether a conversation's history can be searched:
// it is named by ID and the token has the history scopes.
func (s *Sender) searchable(channel string) bool {
	return channelIDRE.MatchString(channel) && !s.noHist
}

// settle searches a conversation's history for the part with key: found
// (with its ts), absent, or unknown when the history cannot be searched
// (a #name, no history scope). Slack failing to answer is an error: the
// part stays claimed and unconfirmed, and a later run settles it.
func (s *Sender) settle(ctx context.Context, channel, key string, since time.Time) (string, fate, error) {
	if !s.searchable(channel) {
		return "", unknown, nil
	}
	ts, ok, err := s.findKey(ctx, channel, key, since)
	switch {
	case err != nil && slackErr(err) == "missing_scope":
		s.noHist = true
		s.log.Warn("slack history not readable: the token lacks im:history or channels:history")
		return "", unknown, nil
	case err != nil:
		return "", unknown, fmt.Errorf("search the history for a message whose fate is unknown: %w", err)
	case ok:
		return ts, found, nil
	}
	return "", absent, nil
}

// postOnce posts one part with chat.postMessage — at most one message a
// second per channel, as Slack asks — so that it is in the conversation
// once. Whenever Slack's answer leaves it unknown whether the part went
// out, or another katsudo may have posted it meanwhile, the history is
// searched before any further post:
//
//   - the answer was lost (a timeout, a dropped connection, a 5xx);
//   - Slack answered ok but without a ts, which is not a delivery;
//   - Slack asked katsudo to wait (429): after the wait.
//
// When the history cannot be searched, the part is left unknown: it stays
// claimed and unconfirmed, and a later run settles it.
func (s *Sender) postOnce(ctx context.Context, channel string, p Part, meta slack.SlackMetadata, since time.Time) (ch, ts string, how fate, err error) {
	for try := 0; try < postTries; try++ {
		if last, ok := s.lastPost[channel]; ok {
			if wait := time.Second - s.o.Now().Sub(last); wait > 0 {
				if err := s.o.Sleep(ctx, wait); err != nil {
					return "", "", unknown, err
				}
			}
		}
		ch, ts, err = s.client.PostMessageContext(ctx, channel,
			slack.MsgOptionText(p.Text, false), slack.MsgOptionBlocks(p.Blocks...), slack.MsgOptionMetadata(meta),
			slack.MsgOptionDisableLinkUnfurl(), slack.MsgOptionDisableMediaUnfurl())
		s.lastPost[channel] = s.o.Now()
		if err == nil && ts != "" {
			return ch, ts, delivered, nil
		}
		if ctx.Err() != nil {
			return "", "", unknown, ctx.Err()
		}
		var rl *slack.RateLimitedError
		switch {
		case err == nil:
			s.log.Warn("slack answered ok without a ts: searching the history before anything else", "method", "chat.postMessage")
		case errors.As(err, &rl):
			wait := max(rl.RetryAfter, time.Second)
			if s.waited+wait > s.o.MaxWait {
				return "", "", unknown, fmt.Errorf("%w: %w", errWaitBudget, err)
			}
			s.waited += wait
			s.log.Warn("slack rate limit: waiting, then searching the history before posting again", "method", "chat.postMessage", "wait", wait)
			if err := s.o.Sleep(ctx, wait); err != nil {
				return "", "", unknown, err
			}
		case transient(err):
			s.log.Warn("slack's answer to a post was lost: searching the history before posting again", "err", err)
		default:
			return "", "", unknown, err
		}
		hts, how, serr := s.settle(ctx, channel, p.Key, since)
		switch {
		case serr != nil:
			return "", "", unknown, serr
		case how == found:
			return channel, hts, found, nil
		case how == unknown:
			return "", "", unknown, nil
		}
	}
	return "", "", unknown, nil
}
