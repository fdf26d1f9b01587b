// Package sheetstest is a Google Sheets server for tests: an httptest.Server
// that speaks the parts of the Sheets v4 REST API katsudo uses
// (values:batchGet, values:append, spreadsheets.get, spreadsheets:batchUpdate) and Google's
// OAuth token endpoint (the service-account JWT bearer grant, the
// installed-app authorization-code grant and refresh tokens), so that the
// real google.golang.org/api client runs in every test.
//
// It keeps its spreadsheets in memory, answers only requests carrying an
// access token it issued, applies a batchUpdate whole or not at all as
// Google does, counts every request, and can be told to answer with 429,
// 500, 502 (also as a proxy's HTML page) or 503, or slowly, to exercise
// the client's retries and timeouts.
package sheetstest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The kinds of request the server counts and can be told to fail.
const (
	KindToken       = "token"       // POST /token
	KindAuth        = "auth"        // GET /auth, the consent screen
	KindGet         = "get"         // GET /v4/spreadsheets/{id}
	KindBatchGet    = "batchGet"    // GET /v4/spreadsheets/{id}/values:batchGet
	KindBatchUpdate = "batchUpdate" // POST /v4/spreadsheets/{id}:batchUpdate
)

// SpreadsheetsScope is the only OAuth scope the server grants.
const SpreadsheetsScope = "https://www.googleapis.com/auth/spreadsheets"

// Fault is one answer the server gives instead of (or before) the normal
// one: after Delay, the status with a Google error body and, when set, a
// Retry-After header. A Fault with Status 0 only delays the answer. For a
// batchUpdate, Halfway applies the first half of the requests before
// failing, so a test can see that nothing of it is kept.
//
// Body, when set, replaces Google's JSON error with itself sent as
// text/html, as a proxy's error page (a 502 from a load balancer) is.
// Echo makes the error message a careless one that repeats the request
// back — its Authorization header and its body (a token request's signed
// assertion, or the API request's JSON) — so a test can see that katsudo
// never prints what a server echoes.
type Fault struct {
	Status     int
	Message    string // Google's message; a generic one when empty
	RetryAfter string
	Delay      time.Duration
	Halfway    bool
	Body       string
	Echo       bool
}

// message is the fault's error message.
func (f *Fault) message() string {
	if f.Message != "" {
		return f.Message
	}
	return "sheetstest: injected " + strconv.Itoa(f.Status)
}

// Request is one request the server received.
type Request struct {
	Kind   string
	Method string
	Path   string
	Query  url.Values
}

// Server is a fake Google: the Sheets API under /v4/ and OAuth under /token
// and /auth. Its fields are guarded by mu; tests use its methods.
type Server struct {
	// URL is the server's base URL, without a trailing slash. Point the
	// Sheets client at URL + "/"; keys it makes use URL + "/token".
	URL string

	srv *httptest.Server
	mu  sync.Mutex

	books    map[string]*book
	accounts map[string]*account // service accounts by e-mail
	tokens   map[string]grant    // access tokens issued
	oauth    oauthState
	faults   map[string][]Fault
	requests []Request
	now      func() time.Time
}

// New starts a server and stops it when the test ends.
func New(tb testing.TB) *Server {
	tb.Helper()
	s := &Server{
		books:    map[string]*book{},
		accounts: map[string]*account{},
		tokens:   map[string]grant{},
		faults:   map[string][]Fault{},
		now:      time.Now,
	}
	s.oauth.init()
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	tb.Cleanup(s.srv.Close)
	return s
}

// Endpoint is the value for KATSUDO_SHEETS_ENDPOINT.
func (s *Server) Endpoint() string { return s.URL + "/" }

// TokenURL is the token endpoint the server's keys and clients name.
func (s *Server) TokenURL() string { return s.URL + "/token" }

// Fail queues faults for the next requests of a kind, one fault per request.
func (s *Server) Fail(kind string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[kind] = append(s.faults[kind], faults...)
}

// Count is the number of requests of a kind received so far, failed ones
// included.
func (s *Server) Count(kind string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, r := range s.requests {
		if r.Kind == kind {
			n++
		}
	}
	return n
}

// Requests lists every request received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// ResetCounts forgets the requests received so far.
func (s *Server) ResetCounts() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	kind, id, ok := route(r)
	if !ok {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "sheetstest: no route for "+r.Method+" "+r.URL.Path)
		return
	}
	s.mu.Lock()
	s.requests = append(s.requests, Request{Kind: kind, Method: r.Method, Path: r.URL.Path, Query: r.URL.Query()})
	var fault *Fault
	if q := s.faults[kind]; len(q) > 0 {
		fault, s.faults[kind] = &q[0], q[1:]
	}
	s.mu.Unlock()

	if fault != nil && fault.Delay > 0 {
		select {
		case <-time.After(fault.Delay):
		case <-r.Context().Done():
			return
		}
	}
	if fault != nil && fault.Status != 0 && (!fault.Halfway || kind != KindBatchUpdate && kind != KindAppend) {
		if fault.RetryAfter != "" {
			w.Header().Set("Retry-After", fault.RetryAfter)
		}
		if fault.Body != "" {
			w.Header().Set("Content-Type", "text/html; charset=UTF-8")
			w.WriteHeader(fault.Status)
			_, _ = io.WriteString(w, fault.Body)
			return
		}
		msg := fault.message()
		if fault.Echo {
			body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
			msg += "; request: Authorization: " + r.Header.Get("Authorization") + " body: " + string(body)
		}
		if kind == KindToken && fault.Echo {
			tokenError(w, fault.Status, "invalid_request", msg)
			return
		}
		writeError(w, fault.Status, statusName(fault.Status), msg)
		return
	}
	switch kind {
	case KindToken:
		s.token(w, r)
	case KindAuth:
		s.consent(w, r)
	default:
		s.api(w, r, kind, id, fault)
	}
}

// route names the kind of request and the spreadsheet it is about.
func route(r *http.Request) (kind, id string, ok bool) {
	p := r.URL.Path
	switch {
	case p == "/token" && r.Method == http.MethodPost:
		return KindToken, "", true
	case p == "/auth" && r.Method == http.MethodGet:
		return KindAuth, "", true
	}
	rest, found := strings.CutPrefix(p, "/v4/spreadsheets/")
	if !found || rest == "" {
		return "", "", false
	}
	switch {
	case strings.HasSuffix(rest, "/values:batchGet") && r.Method == http.MethodGet:
		return KindBatchGet, strings.TrimSuffix(rest, "/values:batchGet"), true
	case strings.HasSuffix(rest, ":append") && r.Method == http.MethodPost:
		if id, _, ok := appendRoute(rest); ok {
			return KindAppend, id, true
		}
	case strings.HasSuffix(rest, ":batchUpdate") && r.Method == http.MethodPost:
		return KindBatchUpdate, strings.TrimSuffix(rest, ":batchUpdate"), true
	case !strings.ContainsAny(rest, "/:") && r.Method == http.MethodGet:
		return KindGet, rest, true
	}
	return "", "", false
}

// api checks the bearer token and the caller's access, then answers.
func (s *Server) api(w http.ResponseWriter, r *http.Request, kind, id string, fault *Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	who, ok := s.caller(r)
	if !ok {
		writeError(w, http.StatusUnauthorized, "UNAUTHENTICATED",
			"Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.")
		return
	}
	b := s.books[id]
	if b == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Requested entity was not found.")
		return
	}
	if !b.editors[who] {
		writeError(w, http.StatusForbidden, "PERMISSION_DENIED", "The caller does not have permission")
		return
	}
	switch kind {
	case KindGet:
		s.get(w, r, b)
	case KindBatchGet:
		s.batchGet(w, r, b)
	case KindBatchUpdate:
		s.batchUpdate(w, r, b, fault)
	case KindAppend:
		_, a1, _ := appendRoute(strings.TrimPrefix(r.URL.EscapedPath(), "/v4/spreadsheets/"))
		s.appendValues(w, r, b, a1, fault)
	}
}

// caller is who the request's access token was issued to.
func (s *Server) caller(r *http.Request) (string, bool) {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return "", false
	}
	g, ok := s.tokens[tok]
	if !ok || !s.now().Before(g.expires) {
		return "", false
	}
	return g.who, true
}

// writeError answers as Google's APIs do: {"error": {code, message, status}}.
func writeError(w http.ResponseWriter, code int, status, msg string) {
	writeJSON(w, code, map[string]any{"error": map[string]any{"code": code, "message": msg, "status": status}})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func statusName(code int) string {
	switch code {
	case http.StatusBadRequest:
		return "INVALID_ARGUMENT"
	case http.StatusForbidden:
		return "PERMISSION_DENIED"
	case http.StatusNotFound:
		return "NOT_FOUND"
	case http.StatusTooManyRequests:
		return "RESOURCE_EXHAUSTED"
	case http.StatusServiceUnavailable:
		return "UNAVAILABLE"
	}
	return "INTERNAL"
}
