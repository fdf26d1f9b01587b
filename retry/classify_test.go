package retry_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/retry"
)

func TestStatus(t *testing.T) {
	for code, want := range map[int]bool{
		200: false, 400: false, 401: false, 403: false, 404: false, 409: false, 501: false,
		429: true, 500: true, 502: true, 503: true, 504: true,
	} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			if got := retry.Status(code, nil, time.Time{}).Temporary; got != want {
				t.Errorf("got temporary %v, want %v", got, want)
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2022, 5, 10, 3, 0, 0, 0, time.UTC)
	tests := []struct {
		name, value string
		want        time.Duration
	}{
		{"Absent", "", 0},
		{"Seconds", "120", 2 * time.Minute},
		{"Date", "Tue, 10 May 2022 03:01:00 GMT", time.Minute},
		{"DateInThePast", "Tue, 10 May 2022 02:59:00 GMT", 0},
		{"Garbage", "soon", 0},
		{"Negative", "-5", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.value != "" {
				h.Set("Retry-After", tt.value)
			}
			if got := retry.RetryAfter(h, now); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestNetwork sees through the *url.Error net/http wraps around whatever
// a RoundTripper returns: a dropped connection is the network, a refused
// key inside the same wrapper is not.
func TestNetwork(t *testing.T) {
	closed := httptest.NewServer(http.NotFoundHandler())
	addr := closed.URL
	closed.Close()
	_, refused := http.Get(addr)

	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	defer slow.Close()
	_, timeout := (&http.Client{Timeout: 10 * time.Millisecond}).Get(slow.URL)

	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"ConnectionRefused", refused, true},
		{"ClientTimeout", timeout, true},
		{"CutShort", &url.Error{Op: "Get", URL: "x", Err: io.ErrUnexpectedEOF}, true},
		{"DNS", &url.Error{Op: "Get", URL: "x", Err: &net.DNSError{Err: "no such host", Name: "x"}}, true},
		{"KeyRefusedInsideAURLError", &url.Error{Op: "Get", URL: "x", Err: errors.New("oauth2: invalid_grant")}, false},
		{"GarbageKeyInsideAURLError", &url.Error{Op: "Post", URL: "x", Err: fmt.Errorf("credentials: %w", errors.New("asn1: structure error"))}, false},
		{"Canceled", &url.Error{Op: "Get", URL: "x", Err: context.Canceled}, false},
		{"Nil", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil && tt.name != "Nil" {
				t.Fatal("the setup did not fail")
			}
			if got := retry.Network(tt.err); got != tt.want {
				t.Errorf("Network(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}
