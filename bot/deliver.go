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
// recorded, exactly once, through an outbox:
//
//  1. every part to send is claimed in the store, in one call;
//  2. the parts the store grants are sent — a part another run had
//     claimed and never confirmed is first looked for in the
//     conversation's history (GrantRecover), and recorded instead of sent
//     when it is there;
//  3. what Slack accepted is confirmed in the store, in one call, even
//     when the run is interrupted.
//
// The history is searched only to settle what is unknown, never as the
// routine guard: a claim left by an earlier run, a post whose answer was
// lost, an ok without a ts, a rate-limit wait (another machine may have
// posted meanwhile). When it cannot be searched the part stays claimed and
// unconfirmed (Outcome.Unsettled) rather than risk a second post. A member
// who cannot be reached, or a channel the app is not in, is a Problem and
// the other messages still go out; an error stops the run (a token Slack
// refuses, Slack down, rate limits beyond MaxWait, a store that cannot be
// written), after confirming what was sent.
func (s *Sender) Deliver(ctx context.Context, msgs []activity.Message, st Style, store Store) (out Outcome, err error) {
	type item struct {
		m     activity.Message
		parts []Part
		dest  string
	}
	var items []item
	var claims []activity.SentRecord
	dmsWithoutToken := 0
	for _, m := range msgs {
		if !m.To.IsChannel() && s.client == nil {
			dmsWithoutToken++
			continue
		}
		it := item{m: m}
		for _, p := range Render(m, st) {
			if store.Recorded(p.Key) {
				out.Skipped++
				continue
			}
			it.parts = append(it.parts, p)
		}
		if len(it.parts) == 0 {
			continue
		}
		// Where it goes is settled before it is claimed: a member Slack
		// cannot reach is a Problem, not a claim left behind every run.
		dest, prob, err := s.destination(ctx, m)
		if err != nil {
			return out, err
		}
		if prob != nil {
			out.Problems = append(out.Problems, *prob)
			continue
		}
		it.dest = dest
		for _, p := range it.parts {
			claims = append(claims, s.record(m, p, dest))
		}
		items = append(items, it)
	}
	if dmsWithoutToken > 0 {
		out.Problems = append(out.Problems, Problem{Text: activity.Text{
			Ja: strconv.Itoa(dmsWithoutToken) + "人へのリマインダー（DM）を送れませんでした。DM にはボットトークンが必要です。Slack アプリの Bot User OAuth Token（xoxb-…）を環境変数 SLACK_BOT_TOKEN に設定してください",
			En: "could not send " + strconv.Itoa(dmsWithoutToken) + " reminder DMs: DMs need a bot token; set SLACK_BOT_TOKEN to the Slack app's Bot User OAuth Token (xoxb-…)",
		}})
	}
	if len(claims) == 0 {
		return out, nil
	}
	grants, err := store.Claim(ctx, claims)
	if err != nil {
		return out, err
	}
	var confirmed []activity.SentRecord
	tried := map[string]bool{} // parts whose post may have gone out
	defer func() {
		// What was sent is confirmed even when the run was interrupted
		// (SIGTERM), so that the next run need not search Slack for it;
		// what this run claimed and never tried is released, so that the
		// next run sends it without searching either.
		var released []activity.SentRecord
		for _, it := range items {
			for _, p := range it.parts {
				if grants[p.Key] != GrantNone && !tried[p.Key] {
					released = append(released, s.record(it.m, p, it.dest))
				}
			}
		}
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if len(confirmed)+len(released) > 0 {
			if cerr := store.Finish(rctx, confirmed, released); cerr != nil && err == nil {
				err = fmt.Errorf("record %d sent Slack messages: %w", len(confirmed), cerr)
			}
		}
		s.log.Info("slack delivery", "sent", len(out.Sent), "recovered", len(out.Recovered), "skipped", out.Skipped,
			"busy", out.Busy, "unsettled", out.Unsettled, "problems", len(out.Problems))
	}()
	for _, it := range items {
		var mine []Part
		for _, p := range it.parts {
			if grants[p.Key] == GrantNone {
				out.Busy++
				continue
			}
			mine = append(mine, p)
		}
		if len(mine) == 0 {
			continue
		}
		if err := ctx.Err(); err != nil {
			return out, err
		}
		if !store.Live() {
			out.Unsettled += len(mine) // the lease is nearly over: a later run sends these
			continue
		}
		m, dest := it.m, it.dest
		switch {
		case m.Escalation != nil && st.Mentions && s.client != nil:
			mst := st
			mst.userID = func(mem *activity.Member) string {
				id, _ := s.user(ctx, mem)
				return id
			}
			mine = rerender(m, mst, mine)
		case st.Link != nil:
			// Laid out again now that it is claimed: links made now
			// know what the claim's write taught the Book (the tabs' gids).
			mine = rerender(m, st, mine)
		}
		for _, p := range mine {
			tried[p.Key] = true
			rec, how, prob, err := s.deliverPart(ctx, m, p, dest, grants[p.Key] == GrantRecover)
			if err != nil {
				return out, err
			}
			if prob != nil {
				out.Problems = append(out.Problems, *prob)
				break
			}
			switch how {
			case delivered:
				out.Sent = append(out.Sent, rec)
			case found:
				out.Recovered = append(out.Recovered, rec)
			default:
				out.Unsettled++
				continue
			}
			confirmed = append(confirmed, rec)
			s.log.Debug("slack message", "kind", m.Kind, "period", m.Period, "recovered", how == found)
		}
	}
	return out, nil
}

// rerender renders a message again with st, keeping the parts in keep.
// When the new text splits into other parts than the claimed ones (a
// longer link or mention pushed it past a part's limit), the parts as
// claimed are sent: a claimed part is never dropped, nor an unclaimed one
// sent.
func rerender(m activity.Message, st Style, keep []Part) []Part {
	want := map[string]bool{}
	for _, p := range keep {
		want[p.Key] = true
	}
	var out []Part
	for _, p := range Render(m, st) {
		if want[p.Key] {
			out = append(out, p)
		}
	}
	if len(out) != len(keep) {
		return keep
	}
	return out
}

// record is the 送信履歴 row of a part sent to dest.
func (s *Sender) record(m activity.Message, p Part, dest string) activity.SentRecord {
	rec := activity.SentRecord{Key: p.Key, Kind: m.Kind, Period: m.Period, Recipient: m.To.Name(), Channel: dest}
	if m.To.IsChannel() {
		rec.Recipient = s.o.Channel
		if s.client == nil {
			rec.Recipient = "webhook"
		}
	}
	return rec
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

// fate is what became of one part: delivered by this run, found in the
// history (an earlier try delivered it), or unknown.
type fate int

const (
	unknown fate = iota
	delivered
	found
)

// deliverPart sends one part, or finds it in the conversation's history
// when an earlier run may have sent it (recover).
func (s *Sender) deliverPart(ctx context.Context, m activity.Message, p Part, dest string, recover bool) (activity.SentRecord, fate, *Problem, error) {
	rec := s.record(m, p, dest)
	if s.client == nil {
		if recover {
			// A webhook's channel cannot be searched: whether the earlier
			// run's post went out cannot be known, so it is not posted again.
			return rec, unknown, unknownProblem(m, p.Key), nil
		}
		if err := s.postWebhook(ctx, p); err != nil {
			return rec, unknown, channelProblem(err, "webhook"), fatal(err)
		}
		rec.Time, rec.Channel, rec.Recipient = s.o.Now(), "webhook", "webhook"
		return rec, delivered, nil, nil
	}
	since := m.Day.Time(s.o.Location).Add(-24 * time.Hour)
	if recover {
		ts, how, err := s.settle(ctx, dest, p.Key, since)
		switch {
		case err != nil:
			return rec, unknown, s.sendProblem(m, err), fatal(err)
		case how == found:
			rec.Time, rec.TS = s.o.Now(), ts
			return rec, found, nil, nil
		case how == unknown:
			return rec, unknown, unknownProblem(m, p.Key), nil
		}
	}
	meta := slack.SlackMetadata{EventType: metaEvent, EventPayload: map[string]any{"key": p.Key, "kind": string(m.Kind), "period": m.Period}}
	ch, ts, how, err := s.postOnce(ctx, dest, p, meta, since)
	if err != nil {
		return rec, unknown, s.sendProblem(m, err), fatal(err)
	}
	if ch != "" {
		rec.Channel = ch
		if m.To.IsChannel() && !channelIDRE.MatchString(s.o.Channel) {
			s.o.Channel = ch // a #name resolved: its history can be searched from now on
		}
	}
	rec.Time, rec.TS = s.o.Now(), ts
	return rec, how, nil, nil
}

// unknownProblem says that an earlier run may have sent a part and that
// Slack's history cannot tell: a person must look, since katsudo will not
// post it a second time on a guess.
func unknownProblem(m activity.Message, key string) *Problem {
	p := &Problem{Text: activity.Text{
		Ja: "「" + string(m.Kind) + " " + m.Period + "」が前回の実行で届いたか確かめられません（Slack の履歴を検索できないため：Incoming Webhook、#名前のチャンネル、または履歴の権限がありません）。Slack で確かめ、届いていなければ送信履歴タブのキー " + key + " の claimed の行を消してください。次の実行で送ります",
		En: "cannot tell whether \"" + string(m.Kind) + " " + m.Period + "\" reached Slack in an earlier run (Slack's history cannot be searched: an incoming webhook, a #name channel, or no history scope); look in Slack and, if it is missing, delete the claimed rows of key " + key + " in the sent tab: the next run sends it",
	}}
	if !m.To.IsChannel() {
		p.Member = m.To.Member.Name
	}
	return p
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
