package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/slack-go/slack"
)

// Deliver sends each message, part by part, that the store has not
// recorded, and records it with Slack's ts. With a bot token it first
// searches the conversation for the message's key, so that a message an
// interrupted run sent is recorded rather than sent again. A member who
// cannot be reached, or a channel the app is not in, is a Problem and the
// other messages still go out; an error stops the run (a token Slack
// refuses, Slack down, rate limits beyond MaxWait, a record that cannot
// be written), after recording what was sent.
func (s *Sender) Deliver(ctx context.Context, msgs []activity.Message, st Style, store Store) (out Outcome, err error) {
	var pending []activity.SentRecord
	flush := func(ctx context.Context) error {
		if len(pending) == 0 {
			return nil
		}
		if err := store.Record(ctx, pending); err != nil {
			return fmt.Errorf("record %d sent Slack messages: %w", len(pending), err)
		}
		pending = nil
		return nil
	}
	defer func() {
		// What was sent is recorded even when the run was interrupted
		// (SIGTERM), so that the next run need not find it in Slack.
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if ferr := flush(rctx); ferr != nil && err == nil {
			err = ferr
		}
		s.log.Info("slack delivery", "sent", len(out.Sent), "recovered", len(out.Recovered), "skipped", out.Skipped, "problems", len(out.Problems))
	}()
	dmsWithoutToken := 0
	for _, m := range msgs {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		if !m.To.IsChannel() && s.client == nil {
			dmsWithoutToken++
			continue
		}
		if allRecorded(Render(m, st), store) {
			out.Skipped++
			continue
		}
		dest, prob, err := s.destination(ctx, m)
		if err != nil {
			return out, err
		}
		if prob != nil {
			out.Problems = append(out.Problems, *prob)
			continue
		}
		mst := st
		if m.Escalation != nil && st.Mentions && s.client != nil {
			mst.userID = func(mem *activity.Member) string {
				id, _ := s.user(ctx, mem)
				return id
			}
		}
		for _, p := range Render(m, mst) {
			if store.Recorded(p.Key) {
				out.Skipped++
				continue
			}
			rec, recovered, prob, err := s.deliverPart(ctx, m, p, dest)
			if err != nil {
				return out, err
			}
			if prob != nil {
				out.Problems = append(out.Problems, *prob)
				break
			}
			if recovered {
				out.Recovered = append(out.Recovered, rec)
			} else {
				out.Sent = append(out.Sent, rec)
			}
			pending = append(pending, rec)
			if m.To.IsChannel() || len(pending) >= s.o.FlushEvery {
				if err := flush(ctx); err != nil {
					return out, err
				}
			}
			s.log.Debug("slack message", "kind", m.Kind, "period", m.Period, "recovered", recovered)
		}
	}
	if dmsWithoutToken > 0 {
		out.Problems = append(out.Problems, Problem{Text: activity.Text{
			Ja: strconv.Itoa(dmsWithoutToken) + "人へのリマインダー（DM）を送れませんでした。DM にはボットトークンが必要です。Slack アプリの Bot User OAuth Token（xoxb-…）を環境変数 SLACK_BOT_TOKEN に設定してください",
			En: "could not send " + strconv.Itoa(dmsWithoutToken) + " reminder DMs: DMs need a bot token; set SLACK_BOT_TOKEN to the Slack app's Bot User OAuth Token (xoxb-…)",
		}})
	}
	return out, nil
}

func allRecorded(parts []Part, store Store) bool {
	for _, p := range parts {
		if !store.Recorded(p.Key) {
			return false
		}
	}
	return true
}

// destination is where a message goes: the DM channel with its member,
// the configured channel, or "" for the webhook.
func (s *Sender) destination(ctx context.Context, m activity.Message) (string, *Problem, error) {
	if m.To.IsChannel() {
		if s.client == nil {
			return "", nil, nil
		}
		if s.o.Channel == "" {
			return "", &Problem{Text: activity.Text{
				Ja: "チャンネルへのメッセージを送れません：slack_channel が設定されていません。katsudo.yaml に slack_channel（例：C0123ABCD）を書いてください",
				En: "cannot post to the channel: slack_channel is not set; add slack_channel (like C0123ABCD) to katsudo.yaml",
			}}, nil
		}
		return s.o.Channel, nil, nil
	}
	mem := m.To.Member
	id, err := s.user(ctx, mem)
	if err != nil {
		return "", memberProblem(mem, err), fatal(err)
	}
	ch, err := s.openDM(ctx, id)
	if err != nil {
		return "", memberProblem(mem, err), fatal(err)
	}
	return ch, nil, nil
}

// user is a member's Slack user ID, or why there is none.
func (s *Sender) user(ctx context.Context, mem *activity.Member) (string, error) {
	switch {
	case mem.Slack == "":
		return "", errNoSlack
	case userIDRE.MatchString(mem.Slack) || emailLike(mem.Slack):
		return s.userID(ctx, mem.Slack)
	}
	return "", errBadSlack
}

// deliverPart sends one part unless the conversation already holds it.
func (s *Sender) deliverPart(ctx context.Context, m activity.Message, p Part, dest string) (activity.SentRecord, bool, *Problem, error) {
	rec := activity.SentRecord{Key: p.Key, Kind: m.Kind, Period: m.Period, Recipient: m.To.Name(), Channel: dest}
	if m.To.IsChannel() {
		rec.Recipient = s.o.Channel
	}
	if s.client == nil {
		if err := s.postWebhook(ctx, p); err != nil {
			return rec, false, channelProblem(err, "webhook"), fatal(err)
		}
		rec.Time, rec.Channel, rec.Recipient = s.o.Now(), "webhook", "webhook"
		return rec, false, nil, nil
	}
	since := m.Day.Time(s.o.Location).Add(-24 * time.Hour)
	ts, found, err := s.findKey(ctx, dest, p.Key, since)
	switch {
	case err != nil && slackErr(err) == "missing_scope":
		s.noHist = true
		s.log.Warn("slack history not readable: the token lacks im:history or channels:history")
	case err != nil:
		return rec, false, s.sendProblem(m, err), fatal(err)
	case found:
		rec.Time, rec.TS = s.o.Now(), ts
		return rec, true, nil, nil
	}
	meta := slack.SlackMetadata{EventType: metaEvent, EventPayload: map[string]any{"key": p.Key, "kind": string(m.Kind), "period": m.Period}}
	ch, ts, recovered, err := s.post(ctx, dest, p, meta, since)
	if err != nil {
		return rec, false, s.sendProblem(m, err), fatal(err)
	}
	if ch != "" {
		rec.Channel = ch
		if m.To.IsChannel() && !channelIDRE.MatchString(s.o.Channel) {
			s.o.Channel = ch // a #name resolved: its history can be searched from now on
		}
	}
	rec.Time, rec.TS = s.o.Now(), ts
	return rec, recovered, nil, nil
}

func (s *Sender) sendProblem(m activity.Message, err error) *Problem {
	if m.To.IsChannel() {
		return channelProblem(err, s.o.Channel)
	}
	return memberProblem(m.To.Member, err)
}

var (
	errNoSlack  = errors.New("no Slack account in the members tab")
	errBadSlack = errors.New("the Slack cell is neither a user ID nor an e-mail address")
)
