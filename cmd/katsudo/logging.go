package main

import (
	"fmt"
	"io"
	"log/slog"

	"github.com/katsudo-npo/katsudo/config"
)

// newLogger is the logger of run and serve: text lines by default, one
// JSON object a line with format "json". Every string it writes, messages
// and errors included, passes through the same scrubbing as every
// command's errors (config.Scrubber): the organisation's secrets (the
// Slack token, the webhook and heartbeat URLs) and anything shaped like a
// token, a JWT or a private key are blanked, so that a secret caught in
// an error from a library, or echoed back by a server, cannot reach the
// log. Nothing from a spreadsheet cell is handed to it in the first
// place: passes log counts.
func newLogger(w io.Writer, format string, cfg config.Config) (*slog.Logger, error) {
	red := &redactor{config.NewScrubber(cfg.Secrets()...)}
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

// redactor scrubs log attributes.
type redactor struct{ s *config.Scrubber }

// attr is a slog ReplaceAttr: strings, errors and whatever prints itself
// are scrubbed; numbers, times and durations pass as they are.
func (r *redactor) attr(_ []string, a slog.Attr) slog.Attr {
	switch v := a.Value.Resolve(); v.Kind() {
	case slog.KindString:
		a.Value = slog.StringValue(r.s.Scrub(v.String()))
	case slog.KindAny:
		switch x := v.Any().(type) {
		case error:
			a.Value = slog.StringValue(r.s.Scrub(x.Error()))
		case fmt.Stringer:
			a.Value = slog.StringValue(r.s.Scrub(x.String()))
		}
	}
	return a
}
