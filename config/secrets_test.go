package config_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/config"
)

const (
	botToken = "xoxb-1111-2222-SeCrEtBoT"
	webhook  = "https://hooks.slack.com/services/T000/B000/SeCrEtHoOk"
)

// TestLoad_SecretsOnlyFromEnvironment checks that a secret written in the
// file stops katsudo, says which variable to use, and is never repeated.
func TestLoad_SecretsOnlyFromEnvironment(t *testing.T) {
	tests := []struct {
		name string
		file string
		env  map[string]string
		want string
	}{
		{"ErrBotTokenInFile", "organization: NPO\nslack_bot_token: " + botToken + "\n", nil,
			"katsudo.yaml:2: slack_bot_token: secrets are not read from the file; delete this line and set the environment variable SLACK_BOT_TOKEN"},
		{"ErrWebhookInFile", "slack_webhook_url: " + webhook + "\n", nil,
			"katsudo.yaml:1: slack_webhook_url: secrets are not read from the file; delete this line and set the environment variable SLACK_WEBHOOK_URL"},
		{"ErrTokenByOtherName", "slack_token: " + botToken + "\n", nil,
			"katsudo.yaml:1: slack_token: secrets are not read from the file; delete this line and set the environment variable SLACK_BOT_TOKEN"},
		{"ErrSecretLikeKey", "tabs:\n  api_token: " + botToken + "\n", nil,
			"katsudo.yaml:2: tabs.api_token: secrets are not read from the file; delete this line and set SLACK_BOT_TOKEN or SLACK_WEBHOOK_URL in the environment"},
		{"ErrEndpointInFile", "sheets_endpoint: http://127.0.0.1:9000\n", nil,
			"katsudo.yaml:1: sheets_endpoint: set only from the environment; delete this line and set KATSUDO_SHEETS_ENDPOINT"},
		{"ErrSlackAPIURLInFile", "slack_api_url: http://127.0.0.1:9001\n", nil,
			"katsudo.yaml:1: slack_api_url: set only from the environment; delete this line and set KATSUDO_SLACK_API_URL"},
		{"ErrApplicationCredentialsInFile", "google_application_credentials: sa.json\n", nil,
			"katsudo.yaml:1: google_application_credentials: read from the environment; delete this line and set GOOGLE_APPLICATION_CREDENTIALS, or name the file in google_credentials_file"},
		{"ErrTokenAsValue", "slack_channel: " + botToken + "\n", nil,
			"katsudo.yaml:1: slack_channel: found something that looks like a secret (not shown), expected a channel ID (C0123ABCD) or a lowercase channel name (\"#katsudo\"); secrets belong in the environment (SLACK_BOT_TOKEN, SLACK_WEBHOOK_URL)"},
		{"ErrWebhookAsValue", "heartbeat_url: " + webhook + "\n", nil,
			"katsudo.yaml:1: heartbeat_url: found something that looks like a secret (not shown), expected an http:// or https:// URL; secrets belong in the environment (SLACK_BOT_TOKEN, SLACK_WEBHOOK_URL)"},
		{"ErrPrivateKeyInEnv", "", map[string]string{"KATSUDO_GOOGLE_CREDENTIALS_FILE": `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----SeCrEt"}`},
			"KATSUDO_GOOGLE_CREDENTIALS_FILE: found something that looks like a secret (not shown), expected the path of a service-account JSON file; secrets belong in the environment (SLACK_BOT_TOKEN, SLACK_WEBHOOK_URL)"},
		{"ErrUserToken", "", map[string]string{"SLACK_BOT_TOKEN": "xoxp-1111-SeCrEt"},
			"SLACK_BOT_TOKEN: found a user token (xoxp-…), expected the app's Bot User OAuth Token (xoxb-…)"},
		{"ErrNotABotToken", "", map[string]string{"SLACK_BOT_TOKEN": webhook},
			"SLACK_BOT_TOKEN: found something else (not shown), expected the app's Bot User OAuth Token (xoxb-…)"},
		{"ErrTokenWithSpace", "", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1111 SeCrEt"},
			"SLACK_BOT_TOKEN: found something else (not shown), expected the app's Bot User OAuth Token (xoxb-…)"},
		{"ErrWebhookNotURL", "", map[string]string{"SLACK_WEBHOOK_URL": "T000/B000/SeCrEt"},
			"SLACK_WEBHOOK_URL: found something else (not shown), expected an incoming-webhook URL (https://hooks.slack.com/services/…)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, tt.file, english(tt.env))
			got := errText(err)
			if got != tt.want {
				t.Errorf("error:\n got %s\nwant %s", got, tt.want)
			}
			if strings.Contains(got, "SeCrEt") {
				t.Errorf("error repeats the secret: %s", got)
			}
		})
	}
}

func TestLoad_SecretsFromEnvironment(t *testing.T) {
	got := MustLoad(t, "", map[string]string{
		"SLACK_BOT_TOKEN":   "  " + botToken + "\n",
		"SLACK_WEBHOOK_URL": webhook,
	})
	if got.SlackBotToken != botToken || got.SlackWebhookURL != webhook {
		t.Errorf("SlackBotToken, SlackWebhookURL = %q, %q, want %q, %q", got.SlackBotToken, got.SlackWebhookURL, botToken, webhook)
	}
}

// TestConfig_NeverPrintsSecrets checks every way a Config gets printed or
// logged.
func TestConfig_NeverPrintsSecrets(t *testing.T) {
	c := MustLoad(t, "organization: NPO\nheartbeat_url: https://hc-ping.com/SeCrEtUuId\n", map[string]string{
		"SLACK_BOT_TOKEN":   botToken,
		"SLACK_WEBHOOK_URL": webhook,
	})
	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("start", "config", c)
	outputs := map[string]string{
		"String": c.String(),
		"%v":     fmt.Sprintf("%v", c),
		"%+v":    fmt.Sprintf("%+v", c),
		"%#v":    fmt.Sprintf("%#v", c),
		"%s ptr": fmt.Sprintf("%s", &c),
		"slog":   logged.String(),
	}
	for name, out := range outputs {
		if strings.Contains(out, "SeCrEt") {
			t.Errorf("%s prints a secret: %s", name, out)
		}
		if !strings.Contains(out, "NPO") {
			t.Errorf("%s does not print the settings: %s", name, out)
		}
	}
	for _, want := range []string{`slack_bot_token="set"`, `slack_webhook_url="set"`, `heartbeat_url="set"`, `tabs.log="活動ログ"`, `schedule.remind="0 10 * * *"`, "deadline_day=5"} {
		if !strings.Contains(c.String(), want) {
			t.Errorf("String() = %s, want it to contain %s", c.String(), want)
		}
	}
	if want := `"slack_bot_token":"set"`; !strings.Contains(logged.String(), want) {
		t.Errorf("slog output %s, want it to contain %s", logged.String(), want)
	}
	if want := `slack_bot_token="unset"`; !strings.Contains(config.Default().String(), want) {
		t.Errorf("Default().String() = %s, want it to contain %s", config.Default().String(), want)
	}
}
