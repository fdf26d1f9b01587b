package clerk

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
)

// SentKeep is how long the 送信履歴 tab keeps a record: a key older than
// that is never due again. Rows are pruned at most once a day: only when
// the oldest is a day past SentKeep.
const SentKeep = 400 * 24 * time.Hour

// DefaultLease is how long a run's claims hold: no other run sends those
// messages until then. A run stops sending a minute before its lease
// runs out (see outbox.Live); what it has not sent by then is sent by a
// later run.
const DefaultLease = 10 * time.Minute

// leaseMargin is how long before its lease ends a run stops sending.
const leaseMargin = time.Minute

// outbox is the 送信履歴 tab as a run's outbox. Before sending, the run
// appends a claim for every message it means to send (one request, with
// the pass's report tabs when the Book is a Committer), and reads the tab
// back only when another client appended in between (the write's answer
// says where its rows landed); it sends the messages
// whose earliest live claim is its own; afterwards it appends a
// confirmation (channel, ts) for each message Slack accepted (one
// request). A claim another run left unconfirmed — it crashed, or lost
// Slack's answer — is settled by searching Slack's history (bot.GrantRecover).
type outbox struct {
	c       *Clerk
	now     time.Time // the pass's moment: claim and lease times
	run     string    // this run's ID
	log     *activity.SentLog
	table   *activity.Table // the tab as read; nil when blank or missing
	rows    int             // rows of the tab as read, to its last non-empty one
	missing bool            // the tab does not exist yet
	claimed time.Time       // when (by the clerk's clock) the claims were written
	// pending are tabs to write in the same request as the claims (the
	// pass's report); nil once written.
	pending []activity.Sheet
}

func newOutbox(c *Clerk, now time.Time, in Input) *outbox {
	return &outbox{c: c, now: now, run: newRunID(), log: in.Sent, table: in.sentTable, rows: in.sentRows, missing: in.sentMissing}
}

// newRunID names one run in the claims it writes.
func newRunID() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Recorded reports whether the tab, as read, says the key was sent.
func (o *outbox) Recorded(key string) bool { return o.log.Has(key) }

// Live reports whether this run's claims hold long enough to send one
// more message.
func (o *outbox) Live() bool {
	return o.claimed.IsZero() || o.c.clock().Sub(o.claimed) < o.c.lease()-leaseMargin
}

// dead reports whether a claim no longer holds at now: its lease ran out,
// or it was made by another run of this katsudo (same machine and lock
// file) — which holds the lock now, so that run has ended.
func (o *outbox) dead(r activity.SentRecord) bool {
	if r.Run == o.run {
		return false
	}
	return !r.Lease.After(o.now) || (o.c.Holder != "" && r.Holder == o.c.Holder)
}

// Claim claims the messages for this run and says, for each key, what
// the run may do.
func (o *outbox) Claim(ctx context.Context, want []activity.SentRecord) (map[string]bot.Grant, error) {
	grants := map[string]bot.Grant{}
	var rows []activity.SentRecord
	for _, r := range want {
		if o.log.Has(r.Key) || o.liveOther(o.log, r.Key) {
			continue // grants[r.Key] is GrantNone
		}
		r.State, r.Run, r.Holder = activity.StateClaimed, o.run, o.c.Holder
		r.Time, r.Lease = o.now, o.now.Add(o.c.lease())
		rows = append(rows, r)
	}
	if len(rows) == 0 {
		return grants, nil
	}
	before := o.log
	fresh, err := o.writeClaims(ctx, rows)
	if err != nil {
		return nil, fmt.Errorf("claim %d Slack messages in the %s tab: %w", len(rows), o.c.Tabs().Sent, err)
	}
	o.claimed = o.c.clock()
	for _, r := range rows {
		if !o.mine(fresh, r.Key) {
			continue
		}
		grants[r.Key] = bot.GrantSend
		if len(before.Claims(r.Key)) > 0 {
			grants[r.Key] = bot.GrantRecover // an earlier run claimed it and never confirmed
		}
	}
	return grants, nil
}

// liveOther reports whether another run holds a live claim on the key.
func (o *outbox) liveOther(l *activity.SentLog, key string) bool {
	for _, r := range l.Claims(key) {
		if r.Run != o.run && !o.dead(r) {
			return true
		}
	}
	return false
}

// mine reports whether this run's claim is the earliest live claim on
// the key in the tab read back, and nobody has sent it since.
func (o *outbox) mine(l *activity.SentLog, key string) bool {
	if l.Has(key) {
		return false
	}
	for _, r := range l.Claims(key) {
		if r.Run == o.run {
			return true
		}
		if !o.dead(r) {
			return false
		}
	}
	return false
}

// Confirm appends the messages Slack accepted, in one request.
func (o *outbox) Confirm(ctx context.Context, recs []activity.SentRecord) error {
	return o.Finish(ctx, recs, nil)
}

// Finish appends, in one request, the messages Slack accepted and the
// release of the claims this run never tried to send (it stopped first),
// so that a later run sends those without searching Slack's history.
func (o *outbox) Finish(ctx context.Context, sent, released []activity.SentRecord) error {
	if len(sent)+len(released) == 0 {
		return nil
	}
	rows := make([]activity.SentRecord, 0, len(sent)+len(released))
	for _, r := range sent {
		r.State, r.Run, r.Holder = activity.StateSent, o.run, o.c.Holder
		rows = append(rows, r)
	}
	for _, r := range released {
		r.State, r.Run, r.Holder, r.Time = activity.StateReleased, o.run, o.c.Holder, o.now
		rows = append(rows, r)
	}
	app, ok := o.c.Book.(Appender)
	if !ok || o.cols() == nil {
		_, err := o.rewrite(ctx, rows)
		return err
	}
	if _, err := app.Append(ctx, o.c.Tabs().Sent, o.at(), o.layout(rows)); err != nil {
		return err
	}
	for _, r := range rows {
		o.log.Add(r)
	}
	return nil
}
