package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"time"

	"github.com/katsudo-npo/katsudo/retry"
	"github.com/slack-go/slack"
)

// errWaitBudget stops a run that would wait on Slack's rate limits longer
// than Options.MaxWait.
var errWaitBudget = errors.New("slack kept asking katsudo to slow down")

// serverTries is how many times a repeatable call is tried when Slack
// answers 500, 502, 503 or 504 or the connection fails: a bad moment
// passes within seconds, an outage does not, and doctor must not sit
// through one.
const serverTries = 3

// do runs one Slack call under katsudo's retry policy (package retry, the
// same one the Google Sheets adapter follows): a 429 is waited out as
// long as Slack asks (its Retry-After, at least a second), for any call,
// since Slack did nothing with it; a 500, 502, 503, 504, a timeout or a
// dropped connection is tried again, up to serverTries in all, only for
// calls that can safely be repeated. The waits of one run are bounded by
// MaxWait; past it the call ends with errWaitBudget, the last answer kept
// in the chain.
func (s *Sender) do(ctx context.Context, method string, repeatable bool, call func() error) error {
	budget := s.o.MaxWait - s.waited
	if budget <= 0 {
		budget = time.Nanosecond // spent: no more waiting in this run
	}
	p := retry.Policy{
		Budget: budget, Sleep: s.o.Sleep, Now: s.o.Now,
		OnRetry: func(r retry.Retrying) {
			s.waited += r.Wait
			if r.Reason == "429" {
				s.log.Warn("slack rate limit: waiting", "method", method, "wait", r.Wait)
				return
			}
			s.log.Warn("slack call failed: retrying", "method", method, "attempt", r.Attempt, "reason", r.Reason, "wait", r.Wait, "err", r.Err)
		},
	}
	serverFailures := 0
	err := p.Do(ctx, func(err error) retry.Verdict {
		v := classify(err, s.o.Now())
		if !v.Temporary || v.Reason == "429" {
			return v
		}
		serverFailures++
		v.Temporary = repeatable && serverFailures < serverTries
		return v
	}, func(context.Context) error { return call() })
	var re *retry.Error
	if errors.As(err, &re) && re.Temporary && re.Reason == "429" {
		return fmt.Errorf("%w: %w", errWaitBudget, re.Err)
	}
	if errors.As(err, &re) {
		return re.Err // the attempts are counted in the log, not the message
	}
	return err
}

// classify says what the retry policy makes of an error from slack-go: a
// rate limit with the wait Slack asks for, a temporary HTTP status, the
// network failing, or an answer that another try would only repeat.
func classify(err error, now time.Time) retry.Verdict {
	var rl *slack.RateLimitedError
	if errors.As(err, &rl) {
		return retry.Verdict{Temporary: true, After: max(rl.RetryAfter, time.Second), Reason: "429"}
	}
	var sc slack.StatusCodeError
	if errors.As(err, &sc) {
		v := retry.Status(sc.Code, nil, now)
		if sc.Code == http.StatusTooManyRequests {
			v.After = time.Second
		}
		return v
	}
	if retry.Network(err) {
		return retry.Verdict{Temporary: true, Reason: "network"}
	}
	return retry.Verdict{}
}

// transient reports whether an error may go away by itself: a 5xx that
// the retry policy calls temporary, or a network failure.
func transient(err error) bool {
	v := classify(err, time.Time{})
	return v.Temporary && v.Reason != "429"
}

// slackErr is the error code Slack answered with (not_in_channel …), or "".
func slackErr(err error) string {
	var se slack.SlackErrorResponse
	if errors.As(err, &se) {
		return se.Err
	}
	return ""
}

var (
	userIDRE    = regexp.MustCompile(`^[UW][A-Z0-9]{2,}$`)
	channelIDRE = regexp.MustCompile(`^[CGD][A-Z0-9]{2,}$`)
)

// userID resolves a member's Slack cell: a user ID as it is, an e-mail
// address through users.lookupByEmail, once per run.
func (s *Sender) userID(ctx context.Context, cell string) (string, error) {
	if userIDRE.MatchString(cell) {
		return cell, nil
	}
	if r, ok := s.users[cell]; ok {
		return r.id, r.err
	}
	var id string
	err := s.do(ctx, "users.lookupByEmail", true, func() error {
		u, err := s.client.GetUserByEmailContext(ctx, cell)
		if err == nil {
			id = u.ID
		}
		return err
	})
	if ctx.Err() == nil && !errors.Is(err, errWaitBudget) {
		s.users[cell] = userResult{id, err}
	}
	return id, err
}

// openDM opens (or finds) the DM channel with a user, once per run.
func (s *Sender) openDM(ctx context.Context, user string) (string, error) {
	if ch, ok := s.dms[user]; ok {
		return ch, nil
	}
	var ch string
	err := s.do(ctx, "conversations.open", true, func() error {
		c, _, _, err := s.client.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{user}, ReturnIM: true})
		if err == nil {
			ch = c.ID
		}
		return err
	})
	if err == nil {
		s.dms[user] = ch
	}
	return ch, err
}

// findKey looks for a message carrying key in a conversation's history
// since a moment, and returns its ts. A channel given by #name cannot be
// searched; nor can any when the token lacks the history scopes.
func (s *Sender) findKey(ctx context.Context, channel, key string, since time.Time) (string, bool, error) {
	if !channelIDRE.MatchString(channel) || s.noHist {
		return "", false, nil
	}
	cursor := ""
	for page := 0; page < 10; page++ {
		var resp *slack.GetConversationHistoryResponse
		err := s.do(ctx, "conversations.history", true, func() (err error) {
			resp, err = s.client.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{
				ChannelID: channel, Oldest: strconv.FormatInt(since.Unix(), 10), Limit: 200, IncludeAllMetadata: true, Cursor: cursor,
			})
			return err
		})
		if err != nil {
			return "", false, err
		}
		for _, m := range resp.Messages {
			if m.Metadata.EventType == metaEvent && m.Metadata.EventPayload["key"] == key {
				return m.Timestamp, true, nil
			}
		}
		if cursor = resp.ResponseMetaData.NextCursor; !resp.HasMore || cursor == "" {
			break
		}
	}
	return "", false, nil
}

// postWebhook sends one part to the incoming webhook. Webhooks carry no
// metadata and return no ts, and their channel cannot be searched: the
// record alone keeps these messages from going out twice.
func (s *Sender) postWebhook(ctx context.Context, p Part) error {
	off := false
	return s.do(ctx, "webhook", false, func() error {
		return hideURL(slack.PostWebhookCustomHTTPContext(ctx, s.o.WebhookURL, s.o.HTTPClient, &slack.WebhookMessage{
			Text: p.Text, Blocks: &slack.Blocks{BlockSet: p.Blocks}, UnfurlLinks: &off, UnfurlMedia: &off,
		}))
	})
}

// hideURL keeps the webhook's URL, which is a secret, out of an error
// that will be printed: a failed request names its URL.
func hideURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("post to the incoming webhook: %w", ue.Err)
	}
	return err
}

// Failed reports whether err is Slack failing or refusing — an error
// answer, an HTTP status, a rate limit katsudo stopped waiting out, a
// dropped connection, or a FatalError made of one — as opposed to a
// problem with katsudo's own settings. The command line ends such a run
// with status 1, never 2.
func Failed(err error) bool {
	var fe *FatalError
	var rl *slack.RateLimitedError
	var sc slack.StatusCodeError
	var se slack.SlackErrorResponse
	var ue *url.Error // a request that got no answer, not a port katsudo could not open
	return errors.As(err, &fe) || errors.As(err, &rl) || errors.As(err, &sc) || errors.As(err, &se) ||
		errors.Is(err, errWaitBudget) || errors.As(err, &ue) && retry.Network(err)
}
