package bot

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/websocket"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/slack-go/slack"
)

// IntakeScopes are the bot token scopes logging from Slack needs on top
// of RequiredScopes: the /katsudo command and the shortcut.
var IntakeScopes = []string{"commands"}

// IntakeCheck is what `katsudo doctor` checks of logging from Slack.
type IntakeCheck struct {
	BotToken, AppToken, SigningSecret string
	APIURL                            string
	HTTPClient                        *http.Client
}

// CheckIntake verifies logging from Slack, without sending anything:
// that the bot token is there and has the commands scope, and that Slack
// accepts the app-level token and hands out a Socket Mode connection
// that answers (it is opened and closed at once). Nothing is checked
// when neither SLACK_APP_TOKEN nor SLACK_SIGNING_SECRET is set.
func CheckIntake(ctx context.Context, c IntakeCheck) []Problem {
	var out []Problem
	add := func(ja, en string) { out = append(out, Problem{Text: activity.Text{Ja: ja, En: en}}) }
	if c.AppToken == "" && c.SigningSecret == "" {
		return nil
	}
	if c.BotToken == "" {
		add("SLACK_APP_TOKEN か SLACK_SIGNING_SECRET がありますが SLACK_BOT_TOKEN がありません。Slack からの記録には Bot トークンも必要です",
			"SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not; logging from Slack needs the bot token too")
		return out
	}
	if c.HTTPClient == nil {
		c.HTTPClient = &http.Client{Timeout: 30 * time.Second}
	}
	opts := []slack.Option{slack.OptionHTTPClient(c.HTTPClient), slack.OptionAppLevelToken(c.AppToken)}
	if c.APIURL != "" {
		opts = append(opts, slack.OptionAPIURL(strings.TrimSuffix(c.APIURL, "/")+"/"))
	}
	api := slack.New(c.BotToken, opts...)
	if auth, err := api.AuthTestContext(ctx); err == nil {
		if !hasScope(auth.Header.Get("X-OAuth-Scopes"), "commands") {
			add("Slack アプリに権限 commands がありません（/katsudo とショートカットに必要）。deploy/slack-app-manifest.yaml のとおり追加し、アプリを再インストールしてください",
				"the Slack app lacks the commands scope (/katsudo and the shortcut need it); add it as deploy/slack-app-manifest.yaml does and reinstall the app")
		}
	}
	if c.AppToken == "" {
		return out
	}
	_, url, err := api.StartSocketModeContext(ctx)
	if err != nil {
		add("Slack が SLACK_APP_TOKEN を受け付けません（"+reason(err)+"）。アプリの「Basic Information → App-Level Tokens」で connections:write 付きのトークン（xapp-…）を作り、「Socket Mode」を有効にしてください",
			"Slack refuses SLACK_APP_TOKEN ("+reason(err)+"); make a token with connections:write under Basic Information → App-Level Tokens (xapp-…) and turn Socket Mode on")
		return out
	}
	dctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	conn, _, err := websocket.DefaultDialer.DialContext(dctx, url, http.Header{"Origin": {"https://api.slack.com"}})
	if err != nil {
		add("Socket Mode の接続を開けません（"+err.Error()+"）。このマシンから wss://wss-primary.slack.com へ出られるか確認してください",
			"cannot open the Socket Mode connection ("+err.Error()+"); check that this machine can reach wss://wss-primary.slack.com")
		return out
	}
	conn.Close()
	return out
}

func hasScope(header, scope string) bool {
	for _, s := range strings.Split(header, ",") {
		if strings.TrimSpace(s) == scope {
			return true
		}
	}
	return false
}
