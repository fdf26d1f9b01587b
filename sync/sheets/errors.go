package sheets

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"cloud.google.com/go/auth"
	"github.com/katsudo-npo/katsudo/retry"
	"golang.org/x/oauth2"
	"google.golang.org/api/googleapi"
)

// Errors from Google Sheets, for errors.Is. Each comes wrapped in a
// message that says what to do about it.
var (
	// ErrNoAccess means Google knows the spreadsheet but katsudo's account
	// may not open it: the spreadsheet has to be shared with that account.
	ErrNoAccess = errors.New("no access to the spreadsheet")
	// ErrSpreadsheetNotFound means no spreadsheet has the configured ID:
	// spreadsheet_id (or the URL it was copied from) is wrong.
	ErrSpreadsheetNotFound = errors.New("spreadsheet not found")
	// ErrSignIn means Google refused katsudo's credentials: a deleted or
	// disabled key, a revoked sign-in, or a wrong clock.
	ErrSignIn = errors.New("Google refused the sign-in")
	// ErrAPIDisabled means the Google Sheets API is not enabled in the
	// Cloud project the credentials belong to.
	ErrAPIDisabled = errors.New("the Google Sheets API is not enabled")
	// ErrUnavailable means Google kept answering "not now" (429, 5xx)
	// or did not answer in time, until katsudo stopped retrying.
	ErrUnavailable = errors.New("Google Sheets did not answer")
	// ErrRefused means Google refused a request as invalid.
	ErrRefused = errors.New("Google Sheets refused the request")
)

// sheetsError is a failed call explained for a volunteer, keeping both
// the kind (an Err… value) and Google's own error for errors.As.
type sheetsError struct {
	msg         string
	kind, cause error
}

func (e *sheetsError) Error() string   { return e.msg }
func (e *sheetsError) Unwrap() []error { return []error{e.kind, e.cause} }

// explain turns an error from Google into one line that says what failed
// and what to do. It never repeats a key or a token: Google's messages
// hold neither, and the credentials are named by their file.
func (s *Spreadsheet) explain(what string, err error, attempts int, took time.Duration) error {
	wrap := func(kind error, msg string) error {
		return &sheetsError{msg: what + ": " + msg, kind: kind, cause: err}
	}
	who := s.creds.Account()
	switch {
	case who != "":
	case s.creds.Kind() == "authorized_user":
		who = "the Google account you signed in with in `katsudo login`"
	default:
		who = "the Google account katsudo signs in as (" + s.creds.Source + ")"
	}
	if reason, desc, ok := tokenRefused(err); ok {
		if s.creds.Kind() == "authorized_user" {
			return wrap(ErrSignIn, "Google refused the sign-in kept by `katsudo login` ("+reason+desc+"); run `katsudo login` again")
		}
		return wrap(ErrSignIn, "Google refused the key "+s.creds.Source+" ("+reason+desc+"): the key was deleted or disabled, or this machine's clock is wrong; create a new JSON key for "+who+" in the Google Cloud console")
	}
	var gerr *googleapi.Error
	if code, _, ok := httpStatus(err); ok && !errors.As(err, &gerr) && retry.Status(code, nil, time.Time{}).Temporary {
		return wrap(ErrUnavailable, fmt.Sprintf("Google's sign-in service answered %d %d times in %s; katsudo stopped retrying, try again later", code, attempts, took.Round(time.Second)))
	}
	if !errors.As(err, &gerr) {
		if errors.Is(err, context.DeadlineExceeded) {
			return wrap(ErrUnavailable, fmt.Sprintf("Google Sheets did not answer within %s (%d attempts in %s); try again later", s.retry.Timeout, attempts, took.Round(time.Second)))
		}
		if retry.Network(err) {
			return wrap(ErrUnavailable, fmt.Sprintf("cannot reach Google Sheets (%d attempts in %s): %v; check the network and try again", attempts, took.Round(time.Second), err))
		}
		return fmt.Errorf("%s: %w", what, err)
	}
	msg := strings.TrimSpace(gerr.Message)
	if msg == "" || strings.HasPrefix(msg, "<") {
		// A proxy's HTML page, not Google's JSON: its status says enough.
		msg = http.StatusText(gerr.Code)
	}
	switch gerr.Code {
	case http.StatusUnauthorized:
		return wrap(ErrSignIn, "Google did not accept katsudo's sign-in with "+s.creds.Source+" ("+msg+"); check google_credentials_file, or run `katsudo login` again")
	case http.StatusForbidden:
		if apiDisabled(gerr) {
			return wrap(ErrAPIDisabled, "the Google Sheets API is not enabled for the Cloud project of "+who+": enable it at https://console.cloud.google.com/apis/library/sheets.googleapis.com and run again")
		}
		return wrap(ErrNoAccess, "Google says "+who+" may not open this spreadsheet: open it in the browser, press Share and add "+who+" as an Editor")
	case http.StatusNotFound:
		return wrap(ErrSpreadsheetNotFound, "there is no spreadsheet with the ID "+s.id+": spreadsheet_id in katsudo.yaml (or the URL it was copied from) is wrong; copy the whole address from the browser while the spreadsheet is open")
	case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return wrap(ErrUnavailable, fmt.Sprintf("Google Sheets answered %d (%s) %d times in %s; katsudo stopped retrying, try again later", gerr.Code, msg, attempts, took.Round(time.Second)))
	case http.StatusBadRequest:
		return wrap(ErrRefused, "Google Sheets refused the request: "+msg)
	}
	return wrap(ErrRefused, fmt.Sprintf("Google Sheets answered %d: %s", gerr.Code, msg))
}

// tokenRefused reports a token endpoint's refusal (400 or 401), with its
// OAuth error code and description.
func tokenRefused(err error) (reason, desc string, ok bool) {
	var body []byte
	var code int
	var aerr *auth.Error
	var oerr *oauth2.RetrieveError
	switch {
	case errors.As(err, &aerr) && aerr.Response != nil:
		code, body = aerr.Response.StatusCode, aerr.Body
	case errors.As(err, &oerr) && oerr.Response != nil:
		code, body = oerr.Response.StatusCode, oerr.Body
	default:
		return "", "", false
	}
	if code != http.StatusBadRequest && code != http.StatusUnauthorized {
		return "", "", false
	}
	var e struct {
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	_ = json.Unmarshal(body, &e)
	if e.Error == "" {
		e.Error = http.StatusText(code)
	}
	if e.Description != "" {
		e.Description = ": " + e.Description
	}
	return e.Error, e.Description, true
}

// apiDisabled reports Google's 403 for a project without the Sheets API.
func apiDisabled(e *googleapi.Error) bool {
	for _, it := range e.Errors {
		if it.Reason == "accessNotConfigured" {
			return true
		}
	}
	b := e.Body + e.Message
	return strings.Contains(b, "SERVICE_DISABLED") || strings.Contains(b, "has not been used in project") || strings.Contains(b, "it is disabled")
}
