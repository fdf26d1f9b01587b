package heartbeat_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/heartbeat"
)

func TestPing(t *testing.T) {
	const secret = "4f1c-secret-check-id"
	tests := []struct {
		name       string
		status     int // 0: the server is gone
		wantFailed int
	}{
		{"SentIsNotCounted", http.StatusOK, 0},
		{"RefusedIsCounted", http.StatusNotFound, 1},
		{"UnreachableIsCountedWithoutTheURL", 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pings int
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				pings++
				w.WriteHeader(tt.status)
			}))
			url := srv.URL + "/ping/" + secret
			if tt.status == 0 {
				srv.Close()
			} else {
				defer srv.Close()
			}
			var log strings.Builder
			failed := 0
			heartbeat.Pinger{URL: url, Client: srv.Client(), Log: slog.New(slog.NewTextHandler(&log, nil)),
				Failed: func() { failed++ }}.Ping(context.Background())
			if failed != tt.wantFailed {
				t.Errorf("failed %d times, want %d", failed, tt.wantFailed)
			}
			if tt.status != 0 && pings != 1 {
				t.Errorf("%d pings reached the server, want 1", pings)
			}
			if strings.Contains(log.String(), secret) {
				t.Errorf("the log shows the URL's secret:\n%s", log.String())
			}
		})
	}
	t.Run("NoURLNoPing", func(t *testing.T) {
		heartbeat.Pinger{Failed: func() { t.Error("a ping without a URL") }}.Ping(context.Background())
	})
}
