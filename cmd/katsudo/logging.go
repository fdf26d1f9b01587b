package main

import (
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"strings"

	"github.com/katsudo-npo/katsudo/config"
)

// newLogger is the logger of run and serve: text lines by default, one
// JSON object a line with format "json". Every string it writes, messages
// and errors included, passes through a redactor that blanks the
// organisation's secrets (the Slack token, the webhook and heartbeat URLs)
// and anything shaped like a Slack token or webhook, so that a secret
// caught in an error from a library cannot reach the log. Nothing from a
// spreadsheet cell is handed to it in the first place: passes log counts.
func newLogger(w io.Writer, format string, cfg config.Config) (*slog.Logger, error) {
	red := newRedactor(cfg.SlackBotToken, cfg.SlackWebhookURL, cfg.HeartbeatURL)
	opts := &slog.HandlerOptions{ReplaceAttr: red.attr}
	switch format {
	case "", "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("--log-format %q: use text or json", format)
}

// logFormat is the format asked for on the command line, else the one in
// the config.
func logFormat(flag string, cfg config.Config) string {
	if flag != "" {
		return flag
	}
	return cfg.LogFormat
}

// secretShapes are secrets katsudo may not know it holds: Slack tokens and
// incoming-webhook URLs found in text.
var secretShapes = regexp.MustCompile(`xox[a-z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|https?://hooks\.slack\.com/\S*`)

// redactor replaces secrets in log attributes with "[redacted]".
type redactor struct {
	known []string
}

// newRedactor blanks the given secrets, the unset ones aside.
func newRedactor(secrets ...string) *redactor {
	r := &redactor{}
	for _, s := range secrets {
		if len(s) >= 8 { // shorter would blank ordinary words
			r.known = append(r.known, s)
		}
	}
	return r
}

// scrub returns s without any secret in it.
func (r *redactor) scrub(s string) string {
	for _, k := range r.known {
		s = strings.ReplaceAll(s, k, "[redacted]")
	}
	return secretShapes.ReplaceAllString(s, "[redacted]")
}

// attr is a slog ReplaceAttr: strings, errors and whatever prints itself
// are scrubbed; numbers, times and durations pass as they are.
func (r *redactor) attr(_ []string, a slog.Attr) slog.Attr {
	switch v := a.Value.Resolve(); v.Kind() {
	case slog.KindString:
		a.Value = slog.StringValue(r.scrub(v.String()))
	case slog.KindAny:
		switch x := v.Any().(type) {
		case error:
			a.Value = slog.StringValue(r.scrub(x.Error()))
		case fmt.Stringer:
			a.Value = slog.StringValue(r.scrub(x.String()))
		}
	}
	return a
}
