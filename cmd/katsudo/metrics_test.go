package main

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
)

func TestMetricsText(t *testing.T) {
	m := newMetrics()
	m.add(mJobRuns, 1, "job", "report")
	m.add(mJobRuns, 2, "job", "remind")
	m.set(mJobSuccess, 1638320400, "job", "remind")
	m.set(mJobDuration, 0.25, "job", "remind")
	m.set(mFindings, 3, "severity", "error")
	m.add(mAPIRequests, 1, "api", "slack", "call", `odd"name`)
	rec := httptest.NewRecorder()
	m.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("Content-Type = %q", ct)
	}
	var got []string
	for _, line := range strings.Split(rec.Body.String(), "\n") {
		if strings.HasPrefix(line, "katsudo_job") || strings.HasPrefix(line, "katsudo_findings{") || strings.HasPrefix(line, "katsudo_api") {
			got = append(got, line)
		}
	}
	want := []string{
		`katsudo_job_runs_total{job="remind"} 2`,
		`katsudo_job_runs_total{job="report"} 1`,
		`katsudo_job_last_success_timestamp_seconds{job="remind"} 1638320400`,
		`katsudo_job_last_duration_seconds{job="remind"} 0.25`,
		`katsudo_api_requests_total{api="slack",call="odd\"name"} 1`,
		`katsudo_findings{severity="error"} 3`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	if !strings.Contains(rec.Body.String(), "# TYPE katsudo_job_runs_total counter\n") {
		t.Errorf("no TYPE line:\n%s", rec.Body)
	}
}

func TestCounting(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {}))
	defer srv.Close()
	m := newMetrics()
	c := countingClient(m, "slack", 0)
	for _, path := range []string{"/api/chat.postMessage", "/api/chat.postMessage", "/api/users.lookupByEmail", "/services/T0/B0/secret", "/api/../x"} {
		resp, err := c.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	for call, want := range map[string]float64{"chat.postMessage": 2, "users.lookupByEmail": 1, "webhook": 1, "other": 1} {
		if got := m.get(mAPIRequests, "api", "slack", "call", call); got != want {
			t.Errorf("%s: %v, want %v", call, got, want)
		}
	}
	b := countingBook{book: gidBook{failingBook{}}, m: m, api: "sheets"}
	b.Write(context.Background(), []activity.Sheet{})
	if ids := b.KnownSheetIDs(); ids["チェック"] != 1234 {
		t.Errorf("KnownSheetIDs did not pass through: %v", ids)
	}
	if got := m.get(mAPIRequests, "api", "sheets", "call", "write"); got != 1 {
		t.Errorf("writes: %v, want 1", got)
	}
}

// failingBook is a workbook that cannot be written.
type failingBook struct{ book }

func (failingBook) Write(context.Context, []activity.Sheet) error {
	return errors.New("the machine stopped")
}

// gidBook is a spreadsheet that knows its tabs' sheet IDs.
type gidBook struct{ book }

func (gidBook) KnownSheetIDs() map[string]int64 {
	return map[string]int64{"活動ログ": 0, "チェック": 1234}
}
