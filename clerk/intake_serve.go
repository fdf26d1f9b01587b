package clerk

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
)

// SlackIntake is logging from Slack inside serve: Socket Mode when
// SLACK_APP_TOKEN is set, HTTP on serve's listener (/slack/events,
// /slack/interactive, /slack/commands) when SLACK_SIGNING_SECRET is set.
// It takes requests only while this serve holds the lock: a serve on
// standby answers HTTP requests with 503 (Slack tries again) and does not
// connect over Socket Mode.
type SlackIntake struct {
	c        *Clerk
	desk     *Desk
	appToken string
	secret   string
	token    string
	apiURL   string
	client   *http.Client
	now      func() time.Time
	log      *slog.Logger

	h      atomic.Pointer[bot.Intake]   // set once active
	http   atomic.Pointer[http.Handler] // HTTP mode's endpoints, once active
	socket atomic.Pointer[error]        // why Socket Mode stopped while serve runs
	wg     sync.WaitGroup
	cancel context.CancelFunc
}

// NewSlackIntake prepares logging from Slack with c's config, its
// requests through client, its clock ahead of the real one by off (serve
// --now); nil when neither SLACK_APP_TOKEN nor SLACK_SIGNING_SECRET is
// set. It sets c.Buttons: reminders then carry 「記入する」 and 「活動なし」.
func NewSlackIntake(c *Clerk, off time.Duration, log *slog.Logger, client *http.Client) (*SlackIntake, error) {
	cfg := c.Config
	if cfg.SlackAppToken == "" && cfg.SlackSigningSecret == "" {
		return nil, nil
	}
	if cfg.SlackBotToken == "" {
		return nil, errors.New("SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not: logging from Slack opens the form and answers with the bot token; set SLACK_BOT_TOKEN too")
	}
	now := func() time.Time { return time.Now().Add(off) }
	desk, err := c.Desk(now)
	if err != nil {
		return nil, err
	}
	c.Buttons = true // reminders carry 「記入する」 and 「活動なし」
	return &SlackIntake{c: c, desk: desk, appToken: cfg.SlackAppToken, secret: cfg.SlackSigningSecret, token: cfg.SlackBotToken,
		apiURL: cfg.SlackAPIURL, client: client, now: now, log: log}, nil
}

// Mount adds the HTTP-mode endpoints to serve's listener.
func (r *SlackIntake) Mount(mux *http.ServeMux) {
	if r == nil || r.secret == "" {
		return
	}
	mux.HandleFunc("/slack/", func(w http.ResponseWriter, req *http.Request) {
		h := r.http.Load()
		if h == nil {
			http.Error(w, "katsudo is on standby", http.StatusServiceUnavailable)
			return
		}
		(*h).ServeHTTP(w, req)
	})
}

// Start begins taking requests: this serve holds the lock.
func (r *SlackIntake) Start(ctx context.Context) {
	if r == nil {
		return
	}
	ctx, r.cancel = context.WithCancel(ctx)
	st := r.c.Style(ctx)
	st.Buttons = true
	in := bot.NewIntake(bot.IntakeOptions{
		Desk: r.desk, Token: r.token, APIURL: r.apiURL, HTTPClient: r.client, Style: st,
		Location: r.c.Config.Location, FiscalYearStart: r.c.Config.FiscalYearStartMonth, Now: r.now, Logger: r.log,
	})
	r.h.Store(in)
	if r.secret != "" {
		h := in.Handler(r.secret)
		r.http.Store(&h)
	}
	if _, err := r.desk.Reload(ctx); err != nil {
		r.log.Warn("slack intake: the spreadsheet could not be read yet; the first request will read it", "err", err)
	}
	modes := []string{}
	if r.secret != "" {
		modes = append(modes, "http")
	}
	if r.appToken != "" {
		modes = append(modes, "socket")
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			if err := in.RunSocket(ctx, r.appToken); err != nil && ctx.Err() == nil {
				r.socket.Store(&err)
				r.log.Error("slack intake: Socket Mode stopped", "err", err)
			}
		}()
	}
	r.log.Info("slack intake taking requests", "modes", strings.Join(modes, ","))
}

// SocketErr is why Socket Mode stopped taking members' requests while
// serve still runs (a revoked app token, Slack refusing to connect): /healthz
// reports it, so that whatever runs serve restarts it or a person looks.
// nil while it takes them, and when serve does not use Socket Mode.
func (r *SlackIntake) SocketErr() error {
	if r == nil {
		return nil
	}
	if err := r.socket.Load(); err != nil {
		return *err
	}
	return nil
}

// AfterPass refreshes what the intake knows, from the spreadsheet as the
// pass read it (no read of its own), and the App Homes opened.
func (r *SlackIntake) AfterPass(ctx context.Context, read *activity.Dataset) {
	in := r.active()
	if in == nil {
		return
	}
	if read != nil {
		r.desk.Refresh(read)
	} else if _, err := r.desk.Reload(ctx); err != nil {
		return
	}
	if err := in.RefreshHomes(ctx); err != nil {
		r.log.Warn("slack intake: home tabs not refreshed", "err", err)
	}
}

func (r *SlackIntake) active() *bot.Intake {
	if r == nil {
		return nil
	}
	return r.h.Load()
}

// Stop waits for Socket Mode to close and the requests in hand to finish.
func (r *SlackIntake) Stop() {
	if in := r.active(); in != nil {
		r.cancel()
		r.wg.Wait()
		in.Wait()
	}
}
