package sheets_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/bodylimit"
	"github.com/katsudo-npo/katsudo/sync/sheets"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
	"google.golang.org/api/googleapi"
)

// TestSpreadsheetRetry answers the read with faults: "not now" answers,
// slow answers and a failing token endpoint are retried within the
// budget; refusals are not.
func TestSpreadsheetRetry(t *testing.T) {
	slow := sheetstest.Fault{Delay: 2 * fastRetry.Timeout}
	tests := []struct {
		name      string
		kind      string
		faults    []sheetstest.Fault
		wantErr   error
		wantCalls int // requests of kind
		minTime   time.Duration
	}{
		{"429", sheetstest.KindBatchGet, []sheetstest.Fault{{Status: 429}}, nil, 2, 0},
		{"429RetryAfter", sheetstest.KindBatchGet, []sheetstest.Fault{{Status: 429, RetryAfter: "1"}}, nil, 2, time.Second},
		{"500", sheetstest.KindBatchGet, []sheetstest.Fault{{Status: 500}, {Status: 500}}, nil, 3, 0},
		{"503", sheetstest.KindBatchGet, []sheetstest.Fault{{Status: 503}}, nil, 2, 0},
		{"Slow", sheetstest.KindBatchGet, []sheetstest.Fault{slow}, nil, 2, fastRetry.Timeout},
		{"TokenEndpoint503", sheetstest.KindToken, []sheetstest.Fault{{Status: 503}}, nil, 2, 0},
		{"400NotRetried", sheetstest.KindBatchGet, []sheetstest.Fault{{Status: 400}}, sheets.ErrRefused, 1, 0},
		{"403NotRetried", sheetstest.KindBatchGet, []sheetstest.Fault{{Status: 403}}, sheets.ErrNoAccess, 1, 0},
		{"502WithAnHTMLPage", sheetstest.KindBatchGet, []sheetstest.Fault{{Status: 502, Body: proxyPage}}, nil, 2, 0},
		{"504", sheetstest.KindBatchGet, []sheetstest.Fault{{Status: 504}}, nil, 2, 0},
		{"TokenEndpoint502WithAnHTMLPage", sheetstest.KindToken, []sheetstest.Fault{{Status: 502, Body: proxyPage}}, nil, 2, 0},
		{"501NotRetried", sheetstest.KindBatchGet, []sheetstest.Fault{{Status: 501}}, sheets.ErrRefused, 1, 0},
		{"RetryAfterBeyondBudget", sheetstest.KindBatchGet, []sheetstest.Fault{{Status: 429, RetryAfter: "60"}}, sheets.ErrUnavailable, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, s := MustSpreadsheet(t, sheetstest.Tab{Title: "ログ", Rows: [][]any{{"ok"}}})
			srv.Fail(tt.kind, tt.faults...)
			start := time.Now()
			got, err := s.Read(context.Background(), []string{"ログ"})
			took := time.Since(start)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got %v, want %v", err, tt.wantErr)
			}
			if err == nil && got["ログ"].At(0, 0).Text != "ok" {
				t.Errorf("read %v", got)
			}
			if n := srv.Count(tt.kind); n != tt.wantCalls {
				t.Errorf("%d %s requests, want %d", n, tt.kind, tt.wantCalls)
			}
			if took < tt.minTime {
				t.Errorf("took %v, want at least %v", took, tt.minTime)
			}
		})
	}
}

// proxyPage is what a load balancer answers when what is behind it does
// not: HTML, not Google's JSON.
const proxyPage = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>" +
	"<p>The server encountered a temporary error and could not complete your request.</p></body></html>"

// TestSpreadsheetRetry_GivesUpOnAProxyPage says what failed in a line, not
// in the proxy's HTML.
func TestSpreadsheetRetry_GivesUpOnAProxyPage(t *testing.T) {
	srv, s := MustSpreadsheet(t, sheetstest.Tab{Title: "ログ"})
	for range 1000 {
		srv.Fail(sheetstest.KindBatchGet, sheetstest.Fault{Status: 502, Body: proxyPage})
	}
	_, err := s.Read(context.Background(), []string{"ログ"})
	if !errors.Is(err, sheets.ErrUnavailable) || !strings.Contains(err.Error(), "502 (Bad Gateway)") {
		t.Fatalf("got %v, want ErrUnavailable naming 502 (Bad Gateway)", err)
	}
	if strings.Contains(err.Error(), "<") {
		t.Errorf("the proxy's page reached the message: %v", err)
	}
}

// TestSpreadsheetRetry_GivesUp stops within the budget when Google keeps
// saying "not now", and says so.
func TestSpreadsheetRetry_GivesUp(t *testing.T) {
	srv, s := MustSpreadsheet(t, sheetstest.Tab{Title: "ログ"})
	for range 1000 {
		srv.Fail(sheetstest.KindBatchGet, sheetstest.Fault{Status: 503})
	}
	start := time.Now()
	_, err := s.Read(context.Background(), []string{"ログ"})
	if !errors.Is(err, sheets.ErrUnavailable) || !strings.Contains(err.Error(), "503") {
		t.Fatalf("got %v, want ErrUnavailable naming 503", err)
	}
	if took := time.Since(start); took > fastRetry.Budget+fastRetry.Timeout {
		t.Errorf("gave up after %v, budget %v", took, fastRetry.Budget)
	}
	if n := srv.Count(sheetstest.KindBatchGet); n < 5 || n > 200 {
		t.Errorf("%d attempts", n)
	}
}

// TestSpreadsheetRetry_Canceled returns as soon as the run is stopped,
// even in the middle of a wait or a slow answer.
func TestSpreadsheetRetry_Canceled(t *testing.T) {
	for _, f := range []sheetstest.Fault{{Status: 429, RetryAfter: "1"}, {Delay: time.Second}} {
		srv, s := MustSpreadsheet(t, sheetstest.Tab{Title: "ログ"})
		srv.Fail(sheetstest.KindBatchGet, f, f)
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		start := time.Now()
		_, err := s.Read(ctx, []string{"ログ"})
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%+v: got %v, want the context's error", f, err)
		}
		if took := time.Since(start); took > 500*time.Millisecond {
			t.Errorf("%+v: returned after %v", f, took)
		}
	}
}

// TestSpreadsheetErrorBodiesAreBounded reads only the start of a huge
// error page: a proxy's gigabyte of HTML costs a run nothing.
func TestSpreadsheetErrorBodiesAreBounded(t *testing.T) {
	srv, s := MustSpreadsheet(t, sheetstest.Tab{Title: "ログ"})
	huge := "<html>" + strings.Repeat("x", 8<<20)
	srv.Fail(sheetstest.KindBatchGet, sheetstest.Fault{Status: 404, Body: huge})
	_, err := s.Read(context.Background(), []string{"ログ"})
	var gerr *googleapi.Error
	if !errors.As(err, &gerr) {
		t.Fatalf("got %v, want Google's error in the chain", err)
	}
	if n := len(gerr.Body); n == 0 || n > bodylimit.DefaultError {
		t.Errorf("read %d bytes of the error page, want at most %d", n, bodylimit.DefaultError)
	}
}
