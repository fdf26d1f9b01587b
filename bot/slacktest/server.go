// Package slacktest is a Slack Web API test server that the real slack-go
// client talks to (through KATSUDO_SLACK_API_URL or bot.Options.APIURL):
// the methods katsudo uses — auth.test, users.lookupByEmail, users.info,
// conversations.open, conversations.history, chat.postMessage — and an
// incoming webhook. It records every call, keeps each conversation's
// messages with their metadata, can answer 429 with Retry-After or a 5xx
// (with a proxy's HTML page, or echoing the request) on any call, and
// can hold chat.postMessage to one message a second per channel as Slack
// does.
package slacktest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Token is the bot token the server accepts unless SetToken says otherwise.
const Token = "xoxb-katsudo-test"

// Server is a running fake Slack workspace.
type Server struct {
	// URL is the Web API base (…/api/), WebhookURL the incoming webhook.
	URL, WebhookURL string

	srv  *httptest.Server
	mu   sync.Mutex
	ws   workspace
	sock socketHub // Socket Mode (socket.go)
}

// Call is one request the server answered: the method, its form without
// the token, the HTTP status and when it came.
type Call struct {
	Method string
	Form   url.Values
	Status int
	At     time.Time
}

// Post is one message the server accepted.
type Post struct {
	Channel  string
	TS       string
	Text     string
	Blocks   json.RawMessage
	Metadata Metadata
	Webhook  bool
}

// Metadata is Slack message metadata as it was posted.
type Metadata struct {
	EventType    string         `json:"event_type"`
	EventPayload map[string]any `json:"event_payload"`
}

// Fault is an answer the server gives instead of the normal one: an HTTP
// status (429, 500 …) with, for 429, a Retry-After in seconds. After makes
// it happen after the call took effect (a message posted, then a 500).
//
// Body, when set, is sent as the answer's body with Content-Type
// text/html, as a proxy's error page (a 502 from a load balancer) is.
// Echo makes the answer a careless one that repeats the request back:
// with a Status, a body holding the Authorization header and the whole
// form, token included; without, an ok:false answer whose error does the
// same — so a test can see that katsudo never prints what a server
// echoes.
type Fault struct {
	Status     int
	RetryAfter int
	After      bool
	Body       string
	Echo       bool
	// Lost makes the call take effect (a message is posted) and then
	// drops the connection without an answer, as when Slack's answer is
	// lost on the way back: the client sees a network error.
	Lost bool
	// NoTS answers chat.postMessage with ok but no ts, and posts nothing.
	NoTS bool
}

// New starts a server with no users and no channels; Close stops it.
func New() *Server {
	s := &Server{ws: newWorkspace()}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/{method}", s.api)
	mux.HandleFunc("/webhook", s.webhook)
	mux.HandleFunc("/socket", s.socket)
	s.srv = httptest.NewServer(mux)
	s.ws.socketURL = wsURL(s.srv.URL)
	s.URL = s.srv.URL + "/api/"
	s.WebhookURL = s.srv.URL + "/webhook"
	return s
}

// Close shuts the server down.
func (s *Server) Close() { s.srv.Close() }

// SetToken changes the accepted bot token.
func (s *Server) SetToken(t string) { s.with(func(w *workspace) { w.token = t }) }

// SetScopes sets the scopes auth.test reports in X-OAuth-Scopes.
func (s *Server) SetScopes(scopes ...string) {
	s.with(func(w *workspace) { w.scopes = strings.Join(scopes, ",") })
}

// AddUser adds a member of the workspace; email may be "".
func (s *Server) AddUser(id, email string) {
	s.with(func(w *workspace) { w.users[id] = &user{id: id, email: email} })
}

// DeleteUser marks a user deactivated: DMs to them fail.
func (s *Server) DeleteUser(id string) {
	s.with(func(w *workspace) {
		if u := w.users[id]; u != nil {
			u.deleted = true
		}
	})
}

// AddChannel adds a channel; member says whether katsudo's app is in it.
func (s *Server) AddChannel(id, name string, member bool) {
	s.with(func(w *workspace) { w.channels[id] = &channel{id: id, name: name, member: member} })
}

// LimitPosts makes chat.postMessage answer 429 (Retry-After: 1) to a
// second message in the same channel within a second, as Slack does.
func (s *Server) LimitPosts(on bool) { s.with(func(w *workspace) { w.limitPosts = on }) }

// FailOn makes the n-th call of a method (counting from 1 since the
// server started) answer with the fault.
func (s *Server) FailOn(method string, n int, f Fault) {
	s.with(func(w *workspace) { w.faults[faultKey{method, n}] = f })
}

// Calls are the calls answered so far, in order.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.ws.calls...)
}

// Posts are the messages accepted so far, in order.
func (s *Server) Posts() []Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Post(nil), s.ws.posts...)
}

// CountCalls returns the number of calls of each method.
func (s *Server) CountCalls() map[string]int {
	n := map[string]int{}
	for _, c := range s.Calls() {
		n[c.Method]++
	}
	return n
}

func (s *Server) with(f func(*workspace)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(&s.ws)
}

func (s *Server) api(w http.ResponseWriter, r *http.Request) {
	method := r.PathValue("method")
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		body, _ := io.ReadAll(r.Body)
		r.Form = jsonForm(body) // views.* and apps.connections.open (views.go)
	} else if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	token := r.Form.Get("token")
	if token == "" {
		token = strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	}
	form := url.Values{}
	for k, v := range r.Form {
		if k != "token" {
			form[k] = v
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := &s.ws
	ws.counts[method]++
	call := Call{Method: method, Form: form, At: time.Now()}
	f, faulty := ws.faults[faultKey{method, ws.counts[method]}]
	var status int
	var body any
	echo := "Authorization: " + r.Header.Get("Authorization") + " form: " + r.Form.Encode()
	switch {
	case ws.overLimit(method, call.At, w.Header()):
		status = http.StatusTooManyRequests
	case faulty && f.NoTS:
		status, body = http.StatusOK, obj{"ok": true, "channel": form.Get("channel")}
	case faulty && f.Echo && f.Status == 0:
		status, body = http.StatusOK, fail("invalid_arguments "+echo)
	case faulty && !f.After && !f.Lost:
		status = f.Status
	case token != ws.tokenFor(method):
		status, body = http.StatusOK, fail("invalid_auth")
	default:
		status, body = ws.answer(method, form, w.Header())
		if faulty {
			status = f.Status
		}
	}
	if faulty && f.Echo && f.Status != 0 {
		f.Body = echo
	}
	call.Status = status
	ws.calls = append(ws.calls, call)
	if faulty && f.Lost {
		dropConnection(w)
		return
	}
	if faulty && f.Status == http.StatusTooManyRequests && f.RetryAfter > 0 {
		w.Header().Set("Retry-After", itoa(f.RetryAfter))
	}
	if status != http.StatusOK {
		if faulty && f.Body != "" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(status)
			io.WriteString(w, f.Body)
			return
		}
		w.WriteHeader(status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(body)
}

func (s *Server) webhook(w http.ResponseWriter, r *http.Request) {
	var msg struct {
		Text   string          `json:"text"`
		Blocks json.RawMessage `json:"blocks"`
	}
	if err := json.NewDecoder(r.Body).Decode(&msg); err != nil {
		http.Error(w, "invalid_payload", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := &s.ws
	ws.counts["webhook"]++
	call := Call{Method: "webhook", Form: url.Values{"text": {msg.Text}}, At: time.Now(), Status: http.StatusOK}
	if f, ok := ws.faults[faultKey{"webhook", ws.counts["webhook"]}]; ok {
		call.Status = f.Status
		ws.calls = append(ws.calls, call)
		if f.RetryAfter > 0 {
			w.Header().Set("Retry-After", itoa(f.RetryAfter))
		}
		if f.Body != "" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(f.Status)
			io.WriteString(w, f.Body)
			return
		}
		w.WriteHeader(f.Status)
		return
	}
	ws.calls = append(ws.calls, call)
	ws.posts = append(ws.posts, Post{Channel: "webhook", Text: msg.Text, Blocks: msg.Blocks, Webhook: true})
	w.Write([]byte("ok"))
}
