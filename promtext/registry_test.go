package promtext_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/promtext"
)

func TestRegistry(t *testing.T) {
	r := promtext.New(promtext.Metric{Name: "runs_total", Type: "counter", Help: "Runs."}, promtext.Metric{Name: "last", Type: "gauge", Help: "Last."})
	r.Add("runs_total", 1, "job", "report")
	r.Add("runs_total", 2, "job", "remind")
	r.Add("runs_total", 1, "job", "remind")
	r.Set("last", 0.25, "job", `odd"name`)
	r.Set("last", 0.5, "job", `odd"name`)
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("Content-Type = %q", ct)
	}
	want := "# HELP runs_total Runs.\n# TYPE runs_total counter\n" +
		"runs_total{job=\"remind\"} 3\nruns_total{job=\"report\"} 1\n" +
		"# HELP last Last.\n# TYPE last gauge\nlast{job=\"odd\\\"name\"} 0.5\n"
	if diff := cmp.Diff(want, rec.Body.String()); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	if got := r.Get("runs_total", "job", "remind"); got != 3 {
		t.Errorf("Get = %v, want 3", got)
	}
}
