package retry

import (
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"syscall"
	"time"
)

// Status classifies an HTTP answer: 429 (too many requests) and 500, 502,
// 503, 504 (the service or a proxy in front of it failing for a moment)
// are temporary for Google and Slack alike, with the Retry-After the
// answer carried; every other status is a refusal that another try would
// only repeat. now is the clock, for a Retry-After given as a date.
func Status(code int, h http.Header, now time.Time) Verdict {
	v := Verdict{Reason: strconv.Itoa(code)}
	switch code {
	case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		v.Temporary = true
		v.After = RetryAfter(h, now)
	}
	return v
}

// RetryAfter reads a Retry-After header: seconds, or an HTTP date; 0 when
// it is absent or unreadable.
func RetryAfter(h http.Header, now time.Time) time.Duration {
	v := h.Get("Retry-After")
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0)
	}
	return 0
}

// Network reports whether err is the network failing rather than a
// service answering: a connection refused, reset or dropped, a name that
// did not resolve, an answer cut short, or no answer in time. Every
// request katsudo repeats on such a failure is safe to repeat.
//
// An *url.Error is looked into, not taken at its word: net/http wraps in
// one whatever a RoundTripper returns — a refused sign-in or an unreadable
// key included — and a refused key must not be retried as "the network".
func Network(err error) bool {
	if err == nil {
		return false
	}
	var ue *url.Error
	for errors.As(err, &ue) {
		if ue.Timeout() {
			return true
		}
		err = ue.Err
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNABORTED) || errors.Is(err, syscall.EPIPE) {
		return true
	}
	var op *net.OpError
	var dns *net.DNSError
	if errors.As(err, &op) || errors.As(err, &dns) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
