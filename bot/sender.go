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

// Store is the record of what was sent (the 送信履歴 tab). Deliver asks it
// before sending and tells it after; the caller reads and writes the tab.
type Store interface {
	// Recorded reports whether a message with this key was sent.
	Recorded(key string) bool
	// Record adds messages that were sent to the record, in one write.
	Record(ctx context.Context, recs []activity.SentRecord) error
}

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
	// FlushEvery is how many DMs are sent between writes of the record
	// (default 10); channel messages are recorded one by one.
	FlushEvery int
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
	if o.FlushEvery <= 0 {
		o.FlushEvery = 10
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
