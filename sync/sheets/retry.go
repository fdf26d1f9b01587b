package sheets

import (
	"context"
	"errors"
	"net/http"
	"time"

	"cloud.google.com/go/auth"
	"github.com/katsudo-npo/katsudo/retry"
	"golang.org/x/oauth2"
	"google.golang.org/api/googleapi"
)

// Retry is how the Google Sheets adapter waits out Google's "not now"
// answers: katsudo's one retry policy (package retry, which the Slack
// adapter follows too) — 429, 500, 502, 503, 504, slow answers and
// dropped connections are tried again, at least as long as Retry-After
// asks, never longer in all than Budget. Every call gets Timeout (60s
// unless set), the token fetch included; the rest defaults as in retry.
type Retry = retry.Policy

// withDefaults is r with the adapter's defaults.
func withDefaults(r Retry) Retry {
	if r.Timeout <= 0 {
		r.Timeout = 60 * time.Second
	}
	return r.WithDefaults()
}

// call runs fn under the retry policy. The error it returns is explained
// for the member who has to act on it (see explain), and keeps Google's
// own error in its chain.
func (s *Spreadsheet) call(ctx context.Context, what string, fn func(ctx context.Context) error) error {
	p := s.retry
	p.OnRetry = func(r retry.Retrying) {
		s.log.WarnContext(ctx, "Google Sheets: retrying", "call", what, "status", r.Reason, "attempt", r.Attempt, "wait", r.Wait.Round(time.Millisecond))
	}
	start := p.Now()
	err := p.Do(ctx, s.classify, fn)
	if err == nil || ctx.Err() != nil {
		return err
	}
	attempts := 1
	var re *retry.Error
	if errors.As(err, &re) {
		attempts = re.Attempts
	}
	return s.explain(what, err, attempts, p.Now().Sub(start))
}

// classify says what the retry policy makes of an error from the Google
// client. A refused or unreadable key is never temporary, even when it
// comes wrapped in the *url.Error of the request that needed a token.
func (s *Spreadsheet) classify(err error) retry.Verdict {
	if _, _, refused := tokenRefused(err); refused {
		return retry.Verdict{Reason: "sign-in refused"}
	}
	if code, h, ok := httpStatus(err); ok {
		return retry.Status(code, h, s.retry.Now())
	}
	if retry.Network(err) {
		return retry.Verdict{Temporary: true, Reason: "network"}
	}
	return retry.Verdict{}
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
