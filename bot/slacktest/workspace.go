package slacktest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

type user struct {
	id, email string
	deleted   bool
	locale    string // users.info with include_locale (views.go: SetLocale)
}

type channel struct {
	id, name string
	member   bool
	msgs     []message // oldest first
	lastPost time.Time
}

type message struct {
	TS       string    `json:"ts"`
	Text     string    `json:"text"`
	Metadata *Metadata `json:"metadata,omitempty"`
	BotID    string    `json:"bot_id"`
}

type faultKey struct {
	method string
	n      int
}

// workspace is the server's state; Server.mu guards it.
type workspace struct {
	token      string
	scopes     string
	users      map[string]*user
	channels   map[string]*channel
	limitPosts bool
	faults     map[faultKey]Fault
	counts     map[string]int
	calls      []Call
	posts      []Post
	seq        int
	in         intakeState           // views and chat.update (views.go)
	limits     map[string]*rateLimit // per-method limits (limits.go)
	socketURL  string
}

func newWorkspace() workspace {
	return workspace{
		token:  Token,
		scopes: "chat:write,im:write,im:history,channels:history,users:read,users:read.email,commands",
		users:  map[string]*user{}, channels: map[string]*channel{},
		faults: map[faultKey]Fault{}, counts: map[string]int{},
	}
}

type obj = map[string]any

func fail(code string) obj { return obj{"ok": false, "error": code} }

func itoa(n int) string { return strconv.Itoa(n) }

// answer runs one Web API method.
func (ws *workspace) answer(method string, form url.Values, h http.Header) (int, any) {
	switch method {
	case "auth.test":
		h.Set("X-OAuth-Scopes", ws.scopes)
		return http.StatusOK, obj{"ok": true, "user_id": "UKATSUDO", "user": "katsudo", "team": "katsudo-test", "team_id": "T1", "bot_id": "BKATSUDO"}
	case "users.lookupByEmail":
		for _, u := range ws.users {
			if strings.EqualFold(u.email, form.Get("email")) && !u.deleted {
				return http.StatusOK, obj{"ok": true, "user": obj{"id": u.id, "deleted": u.deleted}}
			}
		}
		return http.StatusOK, fail("users_not_found")
	case "users.info":
		u := ws.users[form.Get("user")]
		if u == nil {
			return http.StatusOK, fail("user_not_found")
		}
		return http.StatusOK, obj{"ok": true, "user": obj{"id": u.id, "deleted": u.deleted, "profile": obj{"email": u.email}, "locale": u.locale}}
	case "conversations.open":
		return ws.open(form)
	case "conversations.history":
		return ws.history(form)
	case "chat.postMessage":
		return ws.post(form, h)
	}
	return ws.answerIntake(method, form)
}

func (ws *workspace) open(form url.Values) (int, any) {
	id := form.Get("users")
	u := ws.users[id]
	switch {
	case u == nil:
		return http.StatusOK, fail("user_not_found")
	case u.deleted:
		return http.StatusOK, fail("user_disabled")
	}
	dm := "D" + strings.TrimPrefix(id, "U")
	if ws.channels[dm] == nil {
		ws.channels[dm] = &channel{id: dm, member: true}
	}
	return http.StatusOK, obj{"ok": true, "channel": obj{"id": dm}}
}

// find resolves a channel ID or #name.
func (ws *workspace) find(ref string) *channel {
	if c := ws.channels[ref]; c != nil {
		return c
	}
	for _, c := range ws.channels {
		if c.name != "" && "#"+c.name == ref {
			return c
		}
	}
	return nil
}

func (ws *workspace) history(form url.Values) (int, any) {
	c := ws.find(form.Get("channel"))
	switch {
	case c == nil || form.Get("channel") != c.id:
		return http.StatusOK, fail("channel_not_found")
	case !c.member:
		return http.StatusOK, fail("not_in_channel")
	}
	oldest, _ := strconv.ParseFloat(form.Get("oldest"), 64)
	limit, _ := strconv.Atoi(form.Get("limit"))
	if limit <= 0 || limit > 200 {
		limit = 100
	}
	skip, _ := strconv.Atoi(form.Get("cursor"))
	var out []message
	for i := len(c.msgs) - 1; i >= 0; i-- { // newest first
		m := c.msgs[i]
		if ts, _ := strconv.ParseFloat(m.TS, 64); ts <= oldest {
			continue
		}
		if form.Get("include_all_metadata") != "1" {
			m.Metadata = nil
		}
		out = append(out, m)
	}
	out = out[min(skip, len(out)):]
	more := len(out) > limit
	next := ""
	if more {
		out, next = out[:limit], itoa(skip+limit)
	}
	return http.StatusOK, obj{"ok": true, "messages": out, "has_more": more, "response_metadata": obj{"next_cursor": next}}
}

func (ws *workspace) post(form url.Values, h http.Header) (int, any) {
	c := ws.find(form.Get("channel"))
	switch {
	case c == nil:
		return http.StatusOK, fail("channel_not_found")
	case !c.member:
		return http.StatusOK, fail("not_in_channel")
	}
	if err := checkBlocks(form.Get("blocks")); err != "" {
		return http.StatusOK, fail(err)
	}
	now := time.Now()
	if ws.limitPosts && now.Sub(c.lastPost) < time.Second {
		h.Set("Retry-After", "1")
		return http.StatusTooManyRequests, nil
	}
	c.lastPost = now
	ws.seq++
	ts := fmt.Sprintf("%d.%06d", now.Unix(), ws.seq)
	p := Post{Channel: c.id, TS: ts, Text: form.Get("text"), Blocks: json.RawMessage(form.Get("blocks"))}
	m := message{TS: ts, Text: p.Text, BotID: "BKATSUDO"}
	if md := form.Get("metadata"); md != "" {
		if err := json.Unmarshal([]byte(md), &p.Metadata); err != nil {
			return http.StatusOK, fail("invalid_metadata_format")
		}
		m.Metadata = &p.Metadata
	}
	c.msgs = append(c.msgs, m)
	ws.posts = append(ws.posts, p)
	return http.StatusOK, obj{"ok": true, "channel": c.id, "ts": ts, "message": m}
}

// checkBlocks applies Slack's limits: at most 50 blocks, at most 3,000
// characters of text in a section, 150 in a header.
func checkBlocks(raw string) string {
	if raw == "" {
		return ""
	}
	var blocks []struct {
		Type string `json:"type"`
		Text *struct {
			Text string `json:"text"`
		} `json:"text"`
	}
	if err := json.Unmarshal([]byte(raw), &blocks); err != nil {
		return "invalid_blocks_format"
	}
	if len(blocks) > 50 {
		return "invalid_blocks"
	}
	for _, b := range blocks {
		if b.Text == nil {
			continue
		}
		n := utf8.RuneCountInString(b.Text.Text)
		if b.Type == "section" && n > 3000 || b.Type == "header" && n > 150 || n == 0 {
			return "invalid_blocks"
		}
	}
	return ""
}
