package slacktest

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// SigningSecret is the signing secret tests give the app in HTTP mode.
const SigningSecret = "katsudo-test-signing-secret"

// SignedRequest builds the request Slack sends to an app in HTTP mode for
// the same envelope types Deliver sends over Socket Mode: a slash command
// as a form, an interaction as a form with a payload field, an Events API
// callback as JSON. It is signed with secret as of at (X-Slack-Signature
// over v0:timestamp:body), so a test can send a wrong secret or a stale
// timestamp as well.
func SignedRequest(target, typ string, payload any, secret string, at time.Time) (*http.Request, error) {
	raw, err := json.Marshal(payload)
	if err != nil {
		return nil, err
	}
	var body []byte
	ctype := "application/x-www-form-urlencoded"
	switch typ {
	case "slash_commands":
		var fields map[string]any
		if err := json.Unmarshal(raw, &fields); err != nil {
			return nil, err
		}
		form := url.Values{}
		for k, v := range fields {
			if s, ok := v.(string); ok {
				form.Set(k, s)
			}
		}
		body = []byte(form.Encode())
	case "interactive":
		body = []byte(url.Values{"payload": {string(raw)}}.Encode())
	default:
		body, ctype = raw, "application/json"
	}
	req, err := http.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	ts := strconv.FormatInt(at.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + ts + ":"))
	mac.Write(body)
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return req, nil
}
