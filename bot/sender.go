package bot

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bodylimit"
	"github.com/slack-go/slack"
)

// Store is the outbox: the record of what was sent and what runs are
// about to send (the 送信履歴 tab). Deliver asks it what was sent,
// claims in one call every message it means to send, sends those the
// store grants, and confirms what Slack accepted in one call.
type Store interface {
	// Recorded reports whether a message with this key was sent.
	Recorded(key string) bool
	// Claim records that this run is about to send these messages and
	// says, for each key, what the run may do; a key left out is
	// GrantNone.
	Claim(ctx context.Context, claims []activity.SentRecord) (map[string]Grant, error)
	// Finish records, in one call, the messages Slack accepted and the
	// claims this run withdraws: messages it never tried to send.
	Finish(ctx context.Context, sent, released []activity.SentRecord) error
	// Live reports whether this run's claims hold long enough to send
	// one more message.
	Live() bool
}

// Grant is what a run may do with a message it claimed.
type Grant int

const (
	// GrantNone: another run holds the message, or sent it; do not send.
	GrantNone Grant = iota
	// GrantSend: this run's claim is the earliest that holds; send.
	GrantSend
	// GrantRecover: an earlier run claimed the message and never
	// confirmed it — it may have gone out. Search the conversation's
	// history first; send only when it is not there.
	GrantRecover
)

// Options configure a Sender. A bot token sends everything; a webhook
// URL alone sends the channel's messages and reports DMs as not possible.
type Options struct {
	Token      string
	WebhookURL string
	// APIURL is the Slack Web API's base URL (tests and emulators);
	// empty means Slack's own.
	APIURL string
	// Channel is where channel messages go with a bot token: a channel ID
	// (C0123ABCD), or a #name, which works but cannot be searched for
	// messages already sent until katsudo has posted there once.
	Channel    string
	Location   *time.Location
	Logger     *slog.Logger
	HTTPClient *http.Client
	// MaxWait bounds the time one Deliver spends waiting on Slack's rate
	// limits (default 2 minutes); past it, the rest waits for the next run.
	MaxWait time.Duration
	// Sleep and Now stand in for the clock in tests.
	Sleep func(ctx context.Context, d time.Duration) error
	Now   func() time.Time
}

// slackAnswerMax bounds one Slack answer: a page of 200 messages of
// history with their blocks is well under a megabyte.
const slackAnswerMax = 16 << 20

// Sender delivers katsudo's messages to one Slack workspace. It keeps,
// for one run, the Slack users resolved from e-mail addresses and the DM
// channels opened, so each is looked up once.
type Sender struct {
	o        Options
	client   *slack.Client
	log      *slog.Logger
	waited   time.Duration
	users    map[string]userResult
	dms      map[string]string
	lastPost map[string]time.Time
	noHist   bool // the token lacks a history scope: reported once
}

type userResult struct {
	id  string
	err error
}

// New returns a Sender for the options.
func New(o Options) *Sender {
	if o.MaxWait <= 0 {
		o.MaxWait = 2 * time.Minute
	}
	if o.Location == nil {
		o.Location = time.UTC
	}
	if o.Sleep == nil {
		o.Sleep = sleep
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{Timeout: 30 * time.Second}
	}
	// Slack's answers are small; an error page from a proxy is cut, an
	// endless answer fails (package bodylimit).
	o.HTTPClient = bodylimit.Client(o.HTTPClient, slackAnswerMax)
	log := o.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s := &Sender{o: o, log: log, users: map[string]userResult{}, dms: map[string]string{}, lastPost: map[string]time.Time{}}
	if o.Token != "" {
		opts := []slack.Option{slack.OptionHTTPClient(o.HTTPClient)}
		if o.APIURL != "" {
			opts = append(opts, slack.OptionAPIURL(strings.TrimSuffix(o.APIURL, "/")+"/"))
		}
		s.client = slack.New(o.Token, opts...)
	}
	return s
}

// CanDM reports whether the sender can send DMs (it has a bot token).
func (s *Sender) CanDM() bool { return s.client != nil }

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Outcome is what one Deliver did.
type Outcome struct {
	// Sent are the messages posted by this run.
	Sent []activity.SentRecord
	// Recovered are messages an earlier run sent but did not record
	// (it stopped in between): found in Slack's history and recorded now.
	Recovered []activity.SentRecord
	// Skipped counts messages the record already held.
	Skipped int
	// Busy counts messages another run had claimed and is sending.
	Busy int
	// Unsettled counts messages whose fate Slack left unknown — the
	// answer was lost and the history could not be searched — or that
	// this run had no time left to send: they stay claimed, and a later
	// run settles them (searching the history) before sending.
	Unsettled int
	// Problems are what kept a message from going out, each with its fix.
	Problems []Problem
}

// Problem is one thing that kept messages from going out, said for the
// person running katsudo, with what to do about it. Member is the member
// concerned, "" for the channel or the setup.
type Problem struct {
	Member string
	Text   activity.Text
}

// metaEvent is the event type of the Slack message metadata katsudo
// attaches to each message; its payload holds the idempotency key.
const metaEvent = "katsudo_message"
