package config

import (
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	stdsync "sync"
)

// secretShapes are secrets katsudo may not know it holds, found in text by
// their shape: what a server echoing a request back, or a library naming
// its request in an error, would put in front of the member running
// katsudo. Each match is replaced whole, except that a named field keeps
// its name ("client_secret=[redacted]"), so the message still says what
// went wrong.
var secretShapes = []struct {
	marker string // present in every match: the regexp runs only where it is
	re     *regexp.Regexp
}{
	// PEM blocks (a private key), with real or JSON-escaped newlines, cut
	// short or whole.
	{"-----BEGIN", regexp.MustCompile(`-----BEGIN [A-Z0-9 ]+-----(?:[A-Za-z0-9+/=\s]|\\[nr])*(?:-----END [A-Z0-9 ]+-----)?`)},
	// JWTs: the signed assertion a service account trades for a token.
	{"eyJ", regexp.MustCompile(`eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*`)},
	// Slack tokens: xoxb-, xoxp-, xoxe-, xoxe.xoxp-…, and app tokens.
	{"xox", regexp.MustCompile(`xox[a-z]*[.-][A-Za-z0-9.\-]+`)},
	{"xapp-", regexp.MustCompile(`xapp-[A-Za-z0-9-]+`)},
	// Slack incoming webhooks.
	{"hooks.slack.com", regexp.MustCompile(`https?://hooks\.slack\.com/[A-Za-z0-9/_%\-]*`)},
	// Google access tokens and refresh tokens.
	{"ya29.", regexp.MustCompile(`ya29\.[A-Za-z0-9._\-]+`)},
	{"1//", regexp.MustCompile(`\b1//[A-Za-z0-9_\-]{20,}`)},
}

// fieldMarkers are the lower-case words without which secretFields
// cannot match.
var fieldMarkers = []string{"bearer", "token", "secret", "assertion", "private_key", "password"}

// secretFields are a secret's name followed by its value, in a header, a
// form or JSON.
// A bare "token" counts only as a form field or a JSON key: "cannot fetch
// token: 400" is a message, not a secret.
var secretFields = regexp.MustCompile(`(?i)(\bBearer\s+|\b(?:access_token|refresh_token|id_token|client_secret|assertion|private_key_id|private_key|signing_secret|password)["']?\s*[:=]\s*["']?|\btoken=|"token"\s*:\s*")[^\s&"',;}]+`)

// Scrubber blanks secrets in text on its way to a terminal or a log:
// the organisation's own (the Slack token, the webhook and heartbeat
// URLs, as set) and anything shaped like one. It is safe for concurrent
// use; Add may be called while it is in use.
type Scrubber struct {
	mu    stdsync.RWMutex
	known []string
}

// NewScrubber blanks the given secrets, and every secret shape.
func NewScrubber(secrets ...string) *Scrubber {
	s := &Scrubber{}
	s.Add(secrets...)
	return s
}

// Add adds secrets to blank, the unset and the very short aside (they
// would blank ordinary words). A secret is also blanked URL-encoded.
func (s *Scrubber) Add(secrets ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, v := range secrets {
		if len(v) < 8 {
			continue
		}
		for _, form := range []string{v, url.QueryEscape(v), url.PathEscape(v)} {
			if !contains(s.known, form) {
				s.known = append(s.known, form)
			}
		}
	}
}

// Secrets are the config's secrets, for a Scrubber: the Slack tokens and
// signing secret, the webhook URL and the heartbeat URL.
func (c Config) Secrets() []string {
	return []string{c.SlackBotToken, c.SlackAppToken, c.SlackSigningSecret, c.SlackWebhookURL, c.HeartbeatURL}
}

// Scrub returns text without any secret in it.
func (s *Scrubber) Scrub(text string) string {
	if s != nil {
		s.mu.RLock()
		for _, k := range s.known {
			text = strings.ReplaceAll(text, k, redacted)
		}
		s.mu.RUnlock()
	}
	for _, sh := range secretShapes {
		if strings.Contains(text, sh.marker) {
			text = sh.re.ReplaceAllString(text, redacted)
		}
	}
	lower := strings.ToLower(text)
	for _, m := range fieldMarkers {
		if strings.Contains(lower, m) {
			return secretFields.ReplaceAllString(text, "${1}"+redacted)
		}
	}
	return text
}

// Writer returns a writer that scrubs each Write before passing it on.
// Each Write is scrubbed on its own: katsudo writes a message or a log
// record in one Write, so a secret is never split between two.
func (s *Scrubber) Writer(w io.Writer) io.Writer { return &scrubWriter{s: s, w: w} }

const redacted = "[redacted]"

type scrubWriter struct {
	s *Scrubber
	w io.Writer
}

func (w *scrubWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(w.w, w.s.Scrub(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// ReplaceAttr is a slog.HandlerOptions.ReplaceAttr that scrubs every
// string a log line carries: strings, errors and whatever prints itself
// (numbers, times and durations pass as they are), so that a secret
// caught in a library's error, or echoed back by a server, cannot reach
// the log.
func (s *Scrubber) ReplaceAttr(_ []string, a slog.Attr) slog.Attr {
	switch v := a.Value.Resolve(); v.Kind() {
	case slog.KindString:
		a.Value = slog.StringValue(s.Scrub(v.String()))
	case slog.KindAny:
		switch x := v.Any().(type) {
		case error:
			a.Value = slog.StringValue(s.Scrub(x.Error()))
		case fmt.Stringer:
			a.Value = slog.StringValue(s.Scrub(x.String()))
		}
	}
	return a
}
