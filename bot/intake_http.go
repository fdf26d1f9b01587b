package bot

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// maxRequest bounds what katsudo reads of a request from Slack.
const maxRequest = 1 << 20

// Handler answers members in HTTP mode, for organisations that host
// katsudo at a public address: /slack/events (Events API: the App Home),
// /slack/interactive (shortcuts, buttons, the modal) and /slack/commands
// (/katsudo). Each request must carry Slack's signature, made with the
// signing secret (SLACK_SIGNING_SECRET), and a timestamp within five
// minutes; anything else is refused with 401 and changes nothing.
func (in *Intake) Handler(secret string) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /slack/events", in.verified(secret, in.httpEvent))
	mux.HandleFunc("POST /slack/interactive", in.verified(secret, in.httpInteractive))
	mux.HandleFunc("POST /slack/commands", in.verified(secret, in.httpCommand))
	return mux
}

// verified checks a request's signature and age before h sees its body.
func (in *Intake) verified(secret string, h func(w http.ResponseWriter, r *http.Request, body []byte)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequest))
		if err != nil {
			http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
			return
		}
		v, err := slack.NewSecretsVerifier(r.Header, secret)
		if err == nil {
			_, _ = v.Write(body)
			err = v.Ensure()
		}
		if err != nil {
			in.log.Warn("slack intake: a request without a valid signature was refused", "path", r.URL.Path)
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		h(w, r, body)
	}
}

func (in *Intake) httpEvent(w http.ResponseWriter, _ *http.Request, body []byte) {
	ev, err := slackevents.ParseEvent(body, slackevents.OptionNoVerifyToken())
	if err != nil {
		http.Error(w, "bad event", http.StatusBadRequest)
		return
	}
	switch ev.Type {
	case slackevents.URLVerification:
		var c slackevents.ChallengeResponse
		_ = json.Unmarshal(body, &c)
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write([]byte(c.Challenge))
		return
	case slackevents.CallbackEvent:
		if e, ok := ev.InnerEvent.Data.(*slackevents.AppHomeOpenedEvent); ok {
			in.Event(e.Type, e.User, e.Tab)
		}
	}
	w.WriteHeader(http.StatusOK)
}

func (in *Intake) httpInteractive(w http.ResponseWriter, r *http.Request, _ []byte) {
	var cb slack.InteractionCallback
	if err := json.Unmarshal([]byte(r.FormValue("payload")), &cb); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	writeAck(w, in.Interaction(cb))
}

func (in *Intake) httpCommand(w http.ResponseWriter, r *http.Request, _ []byte) {
	cmd, err := slack.SlashCommandParse(r)
	if err != nil {
		http.Error(w, "bad command", http.StatusBadRequest)
		return
	}
	writeAck(w, in.Command(cmd))
}

func writeAck(w http.ResponseWriter, ack any) {
	if ack == nil {
		w.WriteHeader(http.StatusOK)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(ack)
}
