package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/config"
)

func TestLogger(t *testing.T) {
	cfg := config.Default()
	cfg.SlackBotToken = "xoxb-111-222-abcdef"
	cfg.HeartbeatURL = "https://hc-ping.com/0f3e-secret-uuid"
	secrets := []string{"xoxb-111", "0f3e-secret-uuid", "xoxp-999-other", "hooks.slack.com/services/T0/B0/zzz"}
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			log, err := newLogger(&buf, format, cfg)
			if err != nil {
				t.Fatal(err)
			}
			log.Info("ping "+cfg.HeartbeatURL, "err", errors.New(`Post "https://hooks.slack.com/services/T0/B0/zzz": EOF`))
			log.Warn("slack", "token", cfg.SlackBotToken, "other", fmt.Errorf("auth: %s", "xoxp-999-other"), "count", 3)
			out := buf.String()
			for _, s := range secrets {
				if strings.Contains(out, s) {
					t.Errorf("the log holds %q:\n%s", s, out)
				}
			}
			if !strings.Contains(out, "[redacted]") || !strings.Contains(out, "3") {
				t.Errorf("log:\n%s", out)
			}
			if format == "json" {
				for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
					if !json.Valid([]byte(line)) {
						t.Errorf("not JSON: %s", line)
					}
				}
			}
		})
	}
	if _, err := newLogger(&bytes.Buffer{}, "yaml", cfg); err == nil {
		t.Error("newLogger accepted format yaml")
	}
}

func TestHeartbeatNeverLogsItsURL(t *testing.T) {
	var buf bytes.Buffer
	log, _ := newLogger(&buf, "text", config.Config{}) // no redaction: the heartbeat itself keeps the URL out
	m := newMetrics()
	refused := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNotFound) }))
	defer refused.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	for _, u := range []string{refused.URL + "/ping/abc-secret", closed.URL + "/ping/abc-secret"} {
		heartbeat{url: u, client: countingClient(m, "heartbeat", heartbeatTimeout), log: log, m: m}.ping(t.Context())
	}
	if strings.Contains(buf.String(), "abc-secret") || strings.Count(buf.String(), "heartbeat ping") != 2 {
		t.Errorf("log:\n%s", buf.String())
	}
	if got := m.get(mHeartbeatFail); got != 2 {
		t.Errorf("failures = %v, want 2", got)
	}
}
