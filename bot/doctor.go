package bot

import (
	"context"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/slack-go/slack"
)

// RequiredScopes are the bot token scopes katsudo needs: to post, to open
// DMs, to read back what it sent (the two history scopes) and to find
// members by e-mail.
var RequiredScopes = []string{"chat:write", "im:write", "im:history", "channels:history", "users:read", "users:read.email"}

// Check verifies what katsudo needs from Slack, without sending
// anything: that a token or webhook is set, that Slack accepts the token
// and it has every scope, that the channel exists and the app is in it,
// and that every active member resolves to a Slack user. Each Problem
// says what to fix.
func (s *Sender) Check(ctx context.Context, members []*activity.Member) []Problem {
	var out []Problem
	add := func(ja, en string) { out = append(out, Problem{Text: activity.Text{Ja: ja, En: en}}) }
	if s.client == nil {
		if s.o.WebhookURL == "" {
			add("Slack が設定されていません。Slack アプリの Bot User OAuth Token（xoxb-…）を SLACK_BOT_TOKEN に設定してください（チャンネルへのまとめだけなら SLACK_WEBHOOK_URL でも可）",
				"Slack is not set up: set SLACK_BOT_TOKEN to the Slack app's Bot User OAuth Token (xoxb-…), or SLACK_WEBHOOK_URL for the channel summary alone")
			return out
		}
		add("SLACK_WEBHOOK_URL だけでは会員へのリマインダー（DM）を送れません。DM には SLACK_BOT_TOKEN（xoxb-…）を設定してください",
			"with only SLACK_WEBHOOK_URL, reminders to members (DMs) cannot be sent; set SLACK_BOT_TOKEN (xoxb-…) for them")
		return out
	}
	var auth *slack.AuthTestResponse
	err := s.do(ctx, "auth.test", true, func() (err error) {
		auth, err = s.client.AuthTestContext(ctx)
		return err
	})
	if err != nil {
		if fe, ok := fatal(err).(*FatalError); ok {
			add("Slack: "+fe.Fix.Ja+"（"+reason(err)+"）", "Slack: "+fe.Fix.En+" ("+reason(err)+")")
		} else {
			add("Slack に接続できません（"+reason(err)+"）", "cannot reach Slack ("+reason(err)+")")
		}
		return out
	}
	if missing := missingScopes(auth.Header.Get("X-OAuth-Scopes")); len(missing) > 0 {
		list := strings.Join(missing, ", ")
		add("Slack アプリに権限 "+list+" がありません。「OAuth & Permissions」の Bot Token Scopes に追加し、アプリを再インストールしてください",
			"the Slack app lacks the scopes "+list+"; add them under OAuth & Permissions → Bot Token Scopes and reinstall the app")
	}
	out = append(out, s.checkChannel(ctx)...)
	for _, m := range members {
		if !m.Active {
			continue
		}
		id, err := s.user(ctx, m)
		if err == nil && !userIDRE.MatchString(m.Slack) {
			continue // found by e-mail
		}
		if err == nil {
			err = s.do(ctx, "users.info", true, func() error {
				u, err := s.client.GetUserInfoContext(ctx, id)
				if err == nil && u.Deleted {
					err = slack.SlackErrorResponse{Err: "user_disabled"}
				}
				return err
			})
		}
		if err != nil {
			if fatal(err) != nil {
				return append(out, Problem{Text: activity.Text{Ja: "Slack: " + reason(err), En: "Slack: " + reason(err)}})
			}
			out = append(out, *memberProblem(m, err))
		}
	}
	return out
}

// checkChannel checks that the channel messages can go to the channel.
func (s *Sender) checkChannel(ctx context.Context) []Problem {
	ch := s.o.Channel
	switch {
	case ch == "":
		return []Problem{{Text: activity.Text{
			Ja: "slack_channel が設定されていません。まとめと締切の連絡を送るチャンネルの ID（C0123ABCD）を katsudo.yaml に書いてください",
			En: "slack_channel is not set; put the ID (C0123ABCD) of the channel for summaries and deadlines in katsudo.yaml",
		}}}
	case !channelIDRE.MatchString(ch):
		return []Problem{{Text: activity.Text{
			Ja: "slack_channel が名前（" + ch + "）です。送信済みかどうかをチャンネルの履歴で確かめるため、チャンネル ID（チャンネル詳細の一番下、C で始まる）を書いてください",
			En: "slack_channel is a name (" + ch + "); use the channel's ID (at the bottom of its details, starting with C) so that katsudo can check its history for what it already sent",
		}}}
	}
	err := s.do(ctx, "conversations.history", true, func() error {
		_, err := s.client.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{ChannelID: ch, Limit: 1})
		return err
	})
	switch slackErr(err) {
	case "":
		if err != nil {
			return []Problem{*channelProblem(err, ch)}
		}
		return nil
	case "missing_scope":
		return []Problem{{Text: activity.Text{
			Ja: "チャンネル " + ch + " の履歴を読めません。非公開チャンネルなら Slack アプリに groups:history 権限を追加して再インストールしてください",
			En: "cannot read the history of channel " + ch + "; for a private channel add the groups:history scope and reinstall the app",
		}}}
	}
	return []Problem{*channelProblem(err, ch)}
}

// missingScopes lists the required scopes a token's X-OAuth-Scopes lacks;
// none when Slack did not say.
func missingScopes(header string) []string {
	if header == "" {
		return nil
	}
	have := map[string]bool{}
	for _, s := range strings.Split(header, ",") {
		have[strings.TrimSpace(s)] = true
	}
	var out []string
	for _, s := range RequiredScopes {
		if !have[s] {
			out = append(out, s)
		}
	}
	return out
}
