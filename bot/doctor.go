package bot

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

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
		return append(out, slackDown(err))
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
				return append(out, slackDown(err))
			}
			p := memberProblem(m, err)
			if !knownMemberError(err) {
				p.Text = activity.Text{
					Ja: m.Name + " さん（会員タブ " + strconv.Itoa(m.Row+1) + "行目）の Slack アカウントを確認できませんでした（" + why(err).Ja + "）。もう一度 katsudo doctor を実行してください",
					En: "could not check the Slack account of " + m.Name + " (members tab, row " + strconv.Itoa(m.Row+1) + "): " + why(err).En + "; run katsudo doctor again",
				}
			}
			out = append(out, *p)
		}
	}
	return out
}

// slackDown is the problem of a Slack that refuses the token or the
// app's scopes (with the fix), or does not answer: then doctor is simply
// to be run again later — nothing is waiting to be sent.
func slackDown(err error) Problem {
	if fe, ok := fatal(err).(*FatalError); ok && !transient(err) && !errors.Is(err, errWaitBudget) && !errors.Is(err, context.DeadlineExceeded) {
		return Problem{Text: activity.Text{Ja: "Slack: " + fe.Fix.Ja + "（" + why(err).Ja + "）", En: "Slack: " + fe.Fix.En + " (" + why(err).En + ")"}}
	}
	if errors.Is(err, errWaitBudget) {
		return Problem{Text: activity.Text{
			Ja: "Slack のレート制限（アクセスが多すぎるときの待ち時間）が長く続いています。時間をおいてもう一度 katsudo doctor を実行してください",
			En: "Slack's rate limit kept katsudo waiting too long; run katsudo doctor again later",
		}}
	}
	return Problem{Text: activity.Text{
		Ja: "Slack に接続できません（" + why(err).Ja + "）。ネットワークと KATSUDO_SLACK_API_URL を確かめ、時間をおいてもう一度 katsudo doctor を実行してください",
		En: "cannot reach Slack (" + why(err).En + "); check the network and KATSUDO_SLACK_API_URL, and run katsudo doctor again later",
	}}
}

// why says what Slack answered, in both languages: its error code as
// it is (invalid_auth …), else what kind of failure it was.
func why(err error) activity.Text {
	if code := slackErr(err); code != "" {
		return activity.Text{Ja: code, En: code}
	}
	v := classify(err, time.Time{})
	switch {
	case errors.Is(err, errWaitBudget) || v.Reason == "429":
		return activity.Text{Ja: "アクセスが多すぎるとして待たされ続けました", En: "rate limited for too long"}
	case v.Reason == "network":
		return activity.Text{Ja: "応答がないか、接続が切れました", En: "no answer, or the connection dropped"}
	case v.Reason != "":
		return activity.Text{Ja: "HTTP " + v.Reason, En: "HTTP " + v.Reason}
	}
	var sc slack.StatusCodeError
	if errors.As(err, &sc) {
		return activity.Text{Ja: "HTTP " + strconv.Itoa(sc.Code), En: "HTTP " + strconv.Itoa(sc.Code)}
	}
	return activity.Text{Ja: "想定外の応答", En: err.Error()}
}

// knownMemberError reports whether memberProblem has a specific fix for
// err, rather than its "the next run tries again".
func knownMemberError(err error) bool {
	switch slackErr(err) {
	case "users_not_found", "user_not_found", "user_disabled", "cannot_dm_bot", "user_not_visible":
		return true
	}
	return errors.Is(err, errNoSlack) || errors.Is(err, errBadSlack)
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
