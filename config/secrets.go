package config

import (
	"strconv"
	"strings"
)

// envOnly maps the keys someone might put in katsudo.yaml for what katsudo
// takes only from the environment to the variable to use instead.
var envOnly = map[string]string{
	"slack_bot_token":                "SLACK_BOT_TOKEN",
	"slack_token":                    "SLACK_BOT_TOKEN",
	"bot_token":                      "SLACK_BOT_TOKEN",
	"slack_webhook_url":              "SLACK_WEBHOOK_URL",
	"slack_webhook":                  "SLACK_WEBHOOK_URL",
	"webhook_url":                    "SLACK_WEBHOOK_URL",
	"slack_app_token":                "SLACK_APP_TOKEN",
	"app_token":                      "SLACK_APP_TOKEN",
	"slack_signing_secret":           "SLACK_SIGNING_SECRET",
	"signing_secret":                 "SLACK_SIGNING_SECRET",
	"sheets_endpoint":                "KATSUDO_SHEETS_ENDPOINT",
	"slack_api_url":                  "KATSUDO_SLACK_API_URL",
	"google_application_credentials": "GOOGLE_APPLICATION_CREDENTIALS",
}

// secretWords mark a key name as a secret's, wherever it appears.
var secretWords = []string{"token", "secret", "password", "passwd", "webhook", "private_key", "api_key", "apikey"}

// fileSecret says what to do instead when name, a key found in the file,
// holds something katsudo takes only from the environment; the zero said
// when it does not.
func fileSecret(name string) said {
	lower := strings.ToLower(name)
	if env, ok := envOnly[lower]; ok {
		if strings.HasPrefix(env, "KATSUDO_") {
			return said{"set only from the environment; delete this line and set " + env,
				"環境変数でしか設定できません。この行を消して " + env + " を設定してください"}
		}
		if env == "GOOGLE_APPLICATION_CREDENTIALS" {
			return said{"read from the environment; delete this line and set " + env + ", or name the file in google_credentials_file",
				"環境変数から読みます。この行を消して " + env + " を設定するか、google_credentials_file にファイルを書いてください"}
		}
		return said{"secrets are not read from the file; delete this line and set the environment variable " + env,
			"秘密の値はファイルから読みません。この行を消して環境変数 " + env + " を設定してください"}
	}
	for _, w := range secretWords {
		if strings.Contains(lower, w) {
			return said{"secrets are not read from the file; delete this line and set SLACK_BOT_TOKEN or SLACK_WEBHOOK_URL in the environment",
				"秘密の値はファイルから読みません。この行を消して環境変数 SLACK_BOT_TOKEN か SLACK_WEBHOOK_URL を設定してください"}
		}
	}
	return said{}
}

// looksSecret reports whether v looks like a token, a webhook URL or a
// private key, which an error message must not repeat.
func looksSecret(v string) bool {
	for _, p := range []string{"xoxb-", "xoxp-", "xoxa-", "xoxe-", "xoxs-", "xapp-"} {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	return strings.Contains(v, "hooks.slack.com/") || strings.Contains(v, "-----BEGIN") || strings.Contains(v, "private_key")
}

// shown is v quoted for an error message, or a mention of it when it looks
// like a secret.
func shown(v string) string {
	if looksSecret(v) {
		return "something that looks like a secret (not shown)"
	}
	return strconv.Quote(v)
}

// shownJa is shown in Japanese.
func shownJa(v string) string {
	if looksSecret(v) {
		return "秘密の値らしきもの（表示しません）"
	}
	return strconv.Quote(v)
}

// notShownJa begins the Japanese message about a secret that is not what
// it should be.
const notShownJa = "別の値（表示しません）が設定されています。"

// secrets reads the secrets and endpoints, which only the environment sets.
// Messages never repeat a secret's value.
func (l *loader) secrets() {
	if v := l.env("SLACK_BOT_TOKEN"); v != "" {
		l.cfg.SlackBotToken = v
		switch {
		case strings.HasPrefix(v, "xoxp-"):
			l.bad(place{env: "SLACK_BOT_TOKEN"}, "", "found a user token (xoxp-…), expected the app's Bot User OAuth Token (xoxb-…)",
				"ユーザートークン（xoxp-…）が設定されています。アプリの Bot User OAuth Token（xoxb-…）を設定してください")
		case !strings.HasPrefix(v, "xoxb-") || strings.ContainsAny(v, " \t\r\n"):
			l.bad(place{env: "SLACK_BOT_TOKEN"}, "", "found something else (not shown), expected the app's Bot User OAuth Token (xoxb-…)",
				notShownJa+"アプリの Bot User OAuth Token（xoxb-…）を設定してください")
		}
	}
	if v := l.env("SLACK_WEBHOOK_URL"); v != "" {
		l.cfg.SlackWebhookURL = v
		if checkHTTPURL(v) != nil {
			l.bad(place{env: "SLACK_WEBHOOK_URL"}, "", "found something else (not shown), expected an incoming-webhook URL (https://hooks.slack.com/services/…)",
				notShownJa+"Incoming Webhook の URL（https://hooks.slack.com/services/…）を設定してください")
		}
	}
	if v := l.env("SLACK_APP_TOKEN"); v != "" {
		l.cfg.SlackAppToken = v
		if !strings.HasPrefix(v, "xapp-") || strings.ContainsAny(v, " \t\r\n") {
			l.bad(place{env: "SLACK_APP_TOKEN"}, "", "found something else (not shown), expected the app-level token (xapp-…) made under Basic Information → App-Level Tokens with the connections:write scope",
				notShownJa+"Basic Information → App-Level Tokens で connections:write の権限をつけて作ったアプリレベルトークン（xapp-…）を設定してください")
		}
	}
	if v := l.env("SLACK_SIGNING_SECRET"); v != "" {
		l.cfg.SlackSigningSecret = v
		if strings.ContainsAny(v, " \t\r\n") {
			l.bad(place{env: "SLACK_SIGNING_SECRET"}, "", "found something else (not shown), expected the Signing Secret from the app's Basic Information page",
				notShownJa+"アプリの Basic Information ページにある Signing Secret を設定してください")
		}
	}
	for _, e := range []struct {
		name string
		to   *string
	}{
		{"KATSUDO_SHEETS_ENDPOINT", &l.cfg.SheetsEndpoint},
		{"KATSUDO_SLACK_API_URL", &l.cfg.SlackAPIURL},
	} {
		if v := l.env(e.name); v != "" {
			*e.to = v
			if checkHTTPURL(v) != nil {
				l.bad(place{env: e.name}, "", "found "+shown(v)+", expected an http:// or https:// URL",
					shownJa(v)+" が指定されていますが、http:// か https:// で始まる URL を指定してください")
			}
		}
	}
}
