package slacktest

import (
	"encoding/json"
	"net/http"
	"net/url"
)

// AppToken is the app-level token (Socket Mode's xapp-…) the server
// accepts for apps.connections.open.
const AppToken = "xapp-katsudo-test"

// View is a modal or a home tab as the app last opened, updated or
// published it.
type View struct {
	ID, Type, User string
	CallbackID     string
	Metadata       string // private_metadata
	JSON           json.RawMessage
}

// Update is a message changed in place with chat.update.
type Update struct {
	Channel, TS, Text string
	Blocks            json.RawMessage
}

// intakeState is what the views and chat.update methods keep; Server.mu
// guards it with the rest of the workspace.
type intakeState struct {
	views   map[string]*View
	order   []string
	homes   map[string]string // user → view ID
	updates []Update
}

// SetLocale sets the language a user's Slack is in (en-US, ja-JP), as
// users.info reports it.
func (s *Server) SetLocale(id, locale string) {
	s.with(func(w *workspace) {
		if u := w.users[id]; u != nil {
			u.locale = locale
		}
	})
}

// Views are the modals and home tabs the app has shown, latest version
// of each, in the order they were first shown.
func (s *Server) Views() []View {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []View
	for _, id := range s.ws.in.order {
		out = append(out, *s.ws.in.views[id])
	}
	return out
}

// Home is the home tab last published for a user.
func (s *Server) Home(user string) (View, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, ok := s.ws.in.homes[user]
	if !ok {
		return View{}, false
	}
	return *s.ws.in.views[id], true
}

// Updates are the messages changed with chat.update, in order.
func (s *Server) Updates() []Update {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Update(nil), s.ws.in.updates...)
}

// tokenFor is the token a method must carry: the app-level token for
// apps.connections.open, the bot token for everything else.
func (ws *workspace) tokenFor(method string) string {
	if method == "apps.connections.open" {
		return AppToken
	}
	return ws.token
}

// answerIntake runs the methods behind logging from Slack.
func (ws *workspace) answerIntake(method string, form url.Values) (int, any) {
	in := &ws.in
	if in.views == nil {
		in.views, in.homes = map[string]*View{}, map[string]string{}
	}
	switch method {
	case "apps.connections.open":
		return http.StatusOK, obj{"ok": true, "url": ws.socketURL}
	case "views.open":
		if form.Get("trigger_id") == "" {
			return http.StatusOK, fail("invalid_trigger_id")
		}
		return ws.putView("", "", form.Get("view"))
	case "views.update":
		id := form.Get("view_id")
		if in.views[id] == nil {
			return http.StatusOK, fail("not_found")
		}
		return ws.putView(id, "", form.Get("view"))
	case "views.publish":
		u := ws.users[form.Get("user_id")]
		if u == nil {
			return http.StatusOK, fail("user_not_found")
		}
		return ws.putView(in.homes[u.id], u.id, form.Get("view"))
	case "chat.update":
		return ws.update(form)
	}
	return http.StatusOK, fail("unknown_method")
}

// putView stores a view under id (a new ID when ""), as a home tab of
// user when user is set, and answers as Slack does: the view with its ID.
func (ws *workspace) putView(id, user, raw string) (int, any) {
	var v map[string]any
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		return http.StatusOK, fail("invalid_arguments")
	}
	if err := checkView(v); err != "" {
		return http.StatusOK, fail(err)
	}
	in := &ws.in
	if id == "" {
		ws.seq++
		id = "V" + itoa(ws.seq)
		in.order = append(in.order, id)
	}
	v["id"] = id
	v["hash"] = "h" + itoa(ws.seq)
	str := func(k string) string { s, _ := v[k].(string); return s }
	body, _ := json.Marshal(v)
	in.views[id] = &View{ID: id, Type: str("type"), User: user, CallbackID: str("callback_id"), Metadata: str("private_metadata"), JSON: body}
	if user != "" {
		in.homes[user] = id
	}
	return http.StatusOK, obj{"ok": true, "view": v}
}

// checkView applies Slack's limits on a view: a type, at most 100 blocks,
// a modal's title of at most 24 characters.
func checkView(v map[string]any) string {
	blocks, _ := v["blocks"].([]any)
	switch typ, _ := v["type"].(string); {
	case typ != "modal" && typ != "home":
		return "invalid_arguments"
	case len(blocks) > 100:
		return "invalid_arguments"
	case typ == "modal":
		t, _ := v["title"].(map[string]any)
		s, _ := t["text"].(string)
		if s == "" || len([]rune(s)) > 24 {
			return "invalid_arguments"
		}
	}
	return ""
}

func (ws *workspace) update(form url.Values) (int, any) {
	c := ws.find(form.Get("channel"))
	if c == nil {
		return http.StatusOK, fail("channel_not_found")
	}
	ts := form.Get("ts")
	for i := range c.msgs {
		if c.msgs[i].TS != ts {
			continue
		}
		if err := checkBlocks(form.Get("blocks")); err != "" {
			return http.StatusOK, fail(err)
		}
		if form.Get("text") == "" && form.Get("blocks") == "" {
			return http.StatusOK, fail("no_text")
		}
		c.msgs[i].Text = form.Get("text")
		ws.in.updates = append(ws.in.updates, Update{Channel: c.id, TS: ts, Text: form.Get("text"), Blocks: json.RawMessage(form.Get("blocks"))})
		return http.StatusOK, obj{"ok": true, "channel": c.id, "ts": ts, "text": form.Get("text")}
	}
	return http.StatusOK, fail("message_not_found")
}

// jsonForm turns a JSON request body (views.* and apps.connections.open
// are posted as JSON) into form values: strings as they are, anything
// else as its JSON.
func jsonForm(body []byte) url.Values {
	form := url.Values{}
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) != nil {
		return form
	}
	for k, raw := range m {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			form.Set(k, s)
		} else {
			form.Set(k, string(raw))
		}
	}
	return form
}
