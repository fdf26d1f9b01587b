package sheets

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"time"

	"cloud.google.com/go/auth"
	"golang.org/x/oauth2"
	"google.golang.org/api/googleapi"
)

// Retry is how the Google Sheets adapter waits out Google's "not now"
// answers (429, 500, 503), slow answers and dropped connections:
// exponential backoff with jitter, at least as long as Retry-After asks,
// and never longer in all than Budget. Every call gets Timeout.
type Retry struct {
	Timeout time.Duration // one call, token fetch included; default 60s
	Budget  time.Duration // all the retries of one call; default 3 minutes
	First   time.Duration // the first wait; default 1s, doubling each time
	Max     time.Duration // the longest single wait; default 32s
}

func (r Retry) withDefaults() Retry {
	if r.Timeout <= 0 {
		r.Timeout = 60 * time.Second
	}
	if r.Budget <= 0 {
		r.Budget = 3 * time.Minute
	}
	if r.First <= 0 {
		r.First = time.Second
	}
	if r.Max <= 0 {
		r.Max = 32 * time.Second
	}
	return r
}

// call runs fn, retrying what is worth retrying. The error it returns is
// explained for the member who has to act on it (see explain).
func (s *Spreadsheet) call(ctx context.Context, what string, fn func(ctx context.Context) error) error {
	r := s.retry
	start := time.Now()
	for attempt := 1; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, r.Timeout)
		err := fn(actx)
		timedOut := err != nil && ctx.Err() == nil && errors.Is(actx.Err(), context.DeadlineExceeded)
		cancel()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		status, after, again := retryable(err, timedOut)
		if !again {
			return s.explain(what, err, attempt, time.Since(start))
		}
		wait := backoff(r, attempt)
		if after > wait {
			wait = after
		}
		if time.Since(start)+wait > r.Budget {
			return s.explain(what, err, attempt, time.Since(start))
		}
		s.log.WarnContext(ctx, "Google Sheets: retrying", "call", what, "status", status, "attempt", attempt, "wait", wait.Round(time.Millisecond))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
}

// backoff is the wait before attempt+1: First doubled per attempt up to
// Max, with full jitter in its upper half so that several katsudo
// processes do not retry in step.
func backoff(r Retry, attempt int) time.Duration {
	d := r.First
	for i := 1; i < attempt && d < r.Max; i++ {
		d *= 2
	}
	d = min(d, r.Max)
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
}

// retryable says whether an error is Google saying "not now" (and how
// long it asks to wait), a slow answer, or a dropped connection.
func retryable(err error, timedOut bool) (status string, after time.Duration, again bool) {
	if timedOut {
		return "timeout", 0, true
	}
	if code, h, ok := httpStatus(err); ok {
		switch code {
		case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusServiceUnavailable:
			return strconv.Itoa(code), retryAfter(h), true
		}
		return strconv.Itoa(code), 0, false
	}
	// No answer at all: the connection failed or dropped. Every call
	// katsudo makes is safe to repeat.
	var nerr net.Error
	if errors.As(err, &nerr) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return "network", 0, true
	}
	return "", 0, false
}

// httpStatus finds the HTTP status in an error from the API or from a
// token endpoint, with the answer's headers when there are any.
func httpStatus(err error) (code int, h http.Header, ok bool) {
	var gerr *googleapi.Error
	if errors.As(err, &gerr) {
		return gerr.Code, gerr.Header, true
	}
	var aerr *auth.Error
	if errors.As(err, &aerr) && aerr.Response != nil {
		return aerr.Response.StatusCode, aerr.Response.Header, true
	}
	var oerr *oauth2.RetrieveError
	if errors.As(err, &oerr) && oerr.Response != nil {
		return oerr.Response.StatusCode, oerr.Response.Header, true
	}
	return 0, nil, false
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(h http.Header) time.Duration {
	v := h.Get("Retry-After")
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0)
	}
	return 0
}
