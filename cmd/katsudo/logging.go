package main

import (
	"fmt"
	"io"
	"log/slog"

	"github.com/katsudo-npo/katsudo/activity"
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
	opts := &slog.HandlerOptions{ReplaceAttr: config.NewScrubber(cfg.Secrets()...).ReplaceAttr}
	switch format {
	case "", "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf(activity.Text{Ja: "--log-format %q：text か json を指定してください", En: "--log-format %q: use text or json"}.In(activity.Lang(cfg.Language)), format)
}

// logFormat is the format asked for on the command line, else the one in
// the config.
func logFormat(flag string, cfg config.Config) string {
	if flag != "" {
		return flag
	}
	return cfg.LogFormat
}
