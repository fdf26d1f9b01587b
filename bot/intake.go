package bot

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/slack-go/slack"
)

// Desk is katsudo's use case for rows logged from Slack, as the Slack
// side needs it: the spreadsheet as last read (for what needs an answer
// within Slack's 3 seconds), a fresh read, and taking rows into the log
// exactly once.
type Desk interface {
	// Current is the spreadsheet as last read, without I/O; nil before
	// the first read.
	Current() *activity.Dataset
	// Reload reads the spreadsheet again and makes it Current.
	Reload(ctx context.Context) (*activity.Dataset, error)
	// Take appends the items' rows to the log, each at most once per key,
	// after checking them against the log as it is now.
	Take(ctx context.Context, items []Item) (Taken, error)
}

// Item is one row a member asked for: its idempotency key and what they
// submitted. Owed is set for a 活動なし row: it is skipped when the log,
// read afresh, no longer owes that program and month.
type Item struct {
	Key        string
	Submission activity.Submission
	Owed       *activity.MissingEntry
}

// Taken is what Take did: for each item, its row's reference in the log
// (appended now, or found from an earlier try of the same key; "" when a
// 活動なし row was no longer owed), the log just before and after, and the
// problems that kept every row out.
type Taken struct {
	Refs []string
	// Earlier marks the items whose rows an earlier try of the same key
	// appended and confirmed: the member has already been told.
	Earlier       []bool
	Before, After *activity.Dataset
	Problems      []activity.FieldProblem
}

// IntakeOptions configure an Intake.
type IntakeOptions struct {
	Desk Desk
	// Token is the bot token; APIURL and HTTPClient as for Options.
	Token      string
	APIURL     string
	HTTPClient *http.Client
	Style      Style
	Location   *time.Location
	// FiscalYearStart is the month the fiscal year starts in.
	FiscalYearStart time.Month
	Now             func() time.Time
	Logger          *slog.Logger
}

// Intake answers what members do in Slack to log an activity — the
// /katsudo command, the shortcut, the buttons, the modal, the App Home —
// over Socket Mode or HTTP. Every request is acknowledged at once, from
// what needs no I/O; reading and writing the spreadsheet and answering in
// Slack follow in the background (Wait waits for them).
type Intake struct {
	o   IntakeOptions
	api *slack.Client
	log *slog.Logger
	wg  sync.WaitGroup

	mu        sync.Mutex
	confirmed map[string]bool   // submissions whose warnings the member has seen
	accepted  map[string]bool   // submissions answered with success
	homes     map[string]bool   // members who have opened the App Home
	emails    map[string]string // Slack user → e-mail, for members given by e-mail
	locales   map[string]string // Slack user → their Slack language (ja-JP, en-US)
}

// NewIntake returns an Intake for the options.
func NewIntake(o IntakeOptions) *Intake {
	if o.Location == nil {
		o.Location = time.UTC
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.FiscalYearStart == 0 {
		o.FiscalYearStart = time.April
	}
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{Timeout: 30 * time.Second}
	}
	log := o.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	opts := []slack.Option{slack.OptionHTTPClient(o.HTTPClient)}
	if o.APIURL != "" {
		opts = append(opts, slack.OptionAPIURL(strings.TrimSuffix(o.APIURL, "/")+"/"))
	}
	return &Intake{o: o, api: slack.New(o.Token, opts...), log: log, confirmed: map[string]bool{}, accepted: map[string]bool{}, homes: map[string]bool{}, emails: map[string]string{}, locales: map[string]string{}}
}

// Wait waits for the work started by the requests answered so far.
func (in *Intake) Wait() { in.wg.Wait() }

// later runs work after the acknowledgement, with its own time limit: the
// request that started it is already answered.
func (in *Intake) later(what string, f func(ctx context.Context) error) {
	in.wg.Add(1)
	go func() {
		defer in.wg.Done()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		if err := f(ctx); err != nil {
			in.log.Warn("slack intake: "+what+" failed", "err", err)
		}
	}()
}

// Command answers /katsudo: the modal opens.
func (in *Intake) Command(cmd slack.SlashCommand) any {
	in.later("open the modal", func(ctx context.Context) error { return in.openModal(ctx, cmd.TriggerID, cmd.UserID, preset{}) })
	return nil
}

// Interaction answers a shortcut, a button or a modal submission. What
// it returns is the acknowledgement's payload (nil for none): for a
// submission with problems, the errors to show on the fields.
func (in *Intake) Interaction(cb slack.InteractionCallback) any {
	switch cb.Type {
	case slack.InteractionTypeShortcut:
		in.later("open the modal", func(ctx context.Context) error { return in.openModal(ctx, cb.TriggerID, cb.User.ID, preset{}) })
	case slack.InteractionTypeBlockActions:
		for _, a := range cb.ActionCallback.BlockActions {
			in.action(cb, a)
		}
	case slack.InteractionTypeViewSubmission:
		if cb.View.CallbackID == modalCallback {
			return in.submit(cb)
		}
	}
	return nil
}

// Event answers an Events API event: the App Home is published when a
// member opens it.
func (in *Intake) Event(typ, user, tab string) {
	if typ == "app_home_opened" && (tab == "" || tab == "home") {
		in.later("publish the home tab", func(ctx context.Context) error { return in.publishHome(ctx, user) })
	}
}

func (in *Intake) action(cb slack.InteractionCallback, a *slack.BlockAction) {
	switch a.ActionID {
	case actionLog:
		p := parsePreset(a.Value)
		in.later("open the modal", func(ctx context.Context) error { return in.openModal(ctx, cb.TriggerID, cb.User.ID, p) })
	case actionNoActivity:
		channel, ts := cb.Container.ChannelID, cb.Container.MessageTs
		if cb.View.Type == slack.VTHomeTab {
			channel, ts = "", ""
		}
		in.later("log 活動なし", func(ctx context.Context) error { return in.noActivity(ctx, cb.User.ID, channel, ts) })
	}
}

var slackUserRE = regexp.MustCompile(`^[UW][A-Z0-9]{2,}$`)

// member is the member a Slack user is on the members tab: by user ID,
// or by the e-mail address Slack has for them. With lookup false it uses
// only what it already knows (no I/O).
func (in *Intake) member(ctx context.Context, d *activity.Dataset, user string, lookup bool) *activity.Member {
	if d == nil {
		return nil
	}
	for _, m := range d.Roster.Members {
		if strings.EqualFold(m.Slack, user) && slackUserRE.MatchString(strings.ToUpper(m.Slack)) {
			return m
		}
	}
	in.mu.Lock()
	email, known := in.emails[user]
	in.mu.Unlock()
	if !known && lookup {
		in.learn(ctx, user)
		in.mu.Lock()
		email = in.emails[user]
		in.mu.Unlock()
	}
	if email == "" {
		return nil
	}
	for _, m := range d.Roster.Members {
		if strings.EqualFold(m.Slack, email) {
			return m
		}
	}
	return nil
}

// learn asks Slack once about a user: the e-mail address (for members
// given by e-mail on the members tab) and the language their Slack is in.
func (in *Intake) learn(ctx context.Context, user string) {
	in.mu.Lock()
	_, known := in.emails[user]
	in.mu.Unlock()
	if known {
		return
	}
	u, err := in.api.GetUserInfoContext(ctx, user)
	if err != nil {
		return
	}
	in.mu.Lock()
	in.emails[user], in.locales[user] = u.Profile.Email, u.Locale
	in.mu.Unlock()
}

// styleFor is the organisation's style in a member's language: English
// when their Slack is in English (locale en-…), Japanese when it is in
// Japanese, else the organisation's language (language in katsudo.yaml).
func (in *Intake) styleFor(user string) Style {
	st := in.o.Style
	in.mu.Lock()
	loc := in.locales[user]
	in.mu.Unlock()
	switch {
	case strings.HasPrefix(loc, "en"):
		st.Lang = activity.English
	case strings.HasPrefix(loc, "ja"):
		st.Lang = activity.Japanese
	}
	return st
}
