package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/slack-go/slack"
)

// FatalError stops a run: Slack refuses the token, is not answering, or
// keeps asking katsudo to slow down. Fix says what to do, in both
// languages.
type FatalError struct {
	Err error
	Fix activity.Text
}

func (e *FatalError) Error() string { return "slack: " + e.Err.Error() + ": " + e.Fix.En }
func (e *FatalError) Unwrap() error { return e.Err }

// fatal returns the error when it must stop the run, nil when it only
// concerns one message.
func fatal(err error) error {
	switch code := slackErr(err); {
	case err == nil:
		return nil
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	case errors.Is(err, errWaitBudget):
		return &FatalError{err, activity.Text{
			Ja: "Slack のレート制限が続いたため中断しました。送れなかったメッセージは次回の実行で送ります",
			En: "stopped; the messages not sent go out on the next run",
		}}
	case code == "invalid_auth" || code == "not_authed" || code == "account_inactive" || code == "token_revoked" || code == "token_expired":
		return &FatalError{err, activity.Text{
			Ja: "ボットトークンが使えません。Slack アプリの「OAuth & Permissions」にある Bot User OAuth Token（xoxb-…）を SLACK_BOT_TOKEN に設定し直してください",
			En: "the bot token is refused; set SLACK_BOT_TOKEN to the Bot User OAuth Token (xoxb-…) under the Slack app's OAuth & Permissions",
		}}
	case code == "missing_scope":
		needed := ""
		var se slack.SlackErrorResponse
		if errors.As(err, &se) && se.Needed != "" {
			needed = "（" + se.Needed + "）"
		}
		return &FatalError{err, activity.Text{
			Ja: "Slack アプリの権限が足りません" + needed + "。「OAuth & Permissions」で chat:write, im:write, im:history, channels:history, users:read, users:read.email を追加し、アプリを再インストールしてください",
			En: "the Slack app lacks a scope" + strings.NewReplacer("（", " (", "）", ")").Replace(needed) + "; add chat:write, im:write, im:history, channels:history, users:read, users:read.email under OAuth & Permissions and reinstall the app",
		}}
	case transient(err):
		return &FatalError{err, activity.Text{
			Ja: "Slack が応答しません。送れなかったメッセージは次回の実行で送ります",
			En: "Slack is not answering; the messages not sent go out on the next run",
		}}
	}
	var sc slack.StatusCodeError
	if errors.As(err, &sc) { // the webhook refused the message
		return &FatalError{err, activity.Text{
			Ja: "Incoming Webhook が使えません（" + strconv.Itoa(sc.Code) + "）。Slack アプリの「Incoming Webhooks」で URL を作り直し、SLACK_WEBHOOK_URL に設定してください",
			En: "the incoming webhook is refused (" + strconv.Itoa(sc.Code) + "); create a new one under the Slack app's Incoming Webhooks and set SLACK_WEBHOOK_URL",
		}}
	}
	return nil
}

// memberProblem says why a member could not be sent a DM, and what to
// change in the members tab.
func memberProblem(m *activity.Member, err error) *Problem {
	who := m.Name + " さん（会員タブ " + strconv.Itoa(m.Row+1) + "行目）"
	whoEn := m.Name + " (members tab, row " + strconv.Itoa(m.Row+1) + ")"
	p := &Problem{Member: m.Name}
	switch code := slackErr(err); {
	case errors.Is(err, errNoSlack):
		p.Text = activity.Text{
			Ja: who + "の Slack 欄が空なので DM を送れません。Slack のメンバー ID（U0123ABCD）かメールアドレスを書いてください",
			En: "no DM for " + whoEn + ": the Slack cell is empty; write their Slack member ID (U0123ABCD) or e-mail address",
		}
	case errors.Is(err, errBadSlack):
		p.Text = activity.Text{
			Ja: who + "の Slack 欄「" + m.Slack + "」はメンバー ID でもメールアドレスでもありません。U0123ABCD の形の ID かメールアドレスを書いてください",
			En: "no DM for " + whoEn + ": the Slack cell \"" + m.Slack + "\" is neither a member ID nor an e-mail address; write one like U0123ABCD or an address",
		}
	case code == "users_not_found":
		p.Text = activity.Text{
			Ja: who + "のメールアドレス " + m.Slack + " の Slack ユーザーが見つかりません。Slack に登録しているアドレスか、メンバー ID（プロフィールの「︙」→「メンバー ID をコピー」）を書いてください",
			En: "no DM for " + whoEn + ": no Slack user has the address " + m.Slack + "; write the address they use in Slack, or their member ID (profile → ⋮ → Copy member ID)",
		}
	case code == "user_not_found" || code == "user_disabled" || code == "cannot_dm_bot" || code == "user_not_visible":
		p.Text = activity.Text{
			Ja: who + "の Slack アカウント " + m.Slack + " に DM を送れません（" + code + "）。退会済みなら会員タブの在籍を「退会」に、そうでなければ Slack 欄を直してください",
			En: "no DM for " + whoEn + ": Slack cannot reach " + m.Slack + " (" + code + "); mark them 退会 in the members tab if they left, else fix the Slack cell",
		}
	default:
		p.Text = activity.Text{
			Ja: who + "への DM を送れませんでした（" + reason(err) + "）。次回の実行でもう一度送ります",
			En: "no DM for " + whoEn + " (" + reason(err) + "); the next run tries again",
		}
	}
	return p
}

// channelProblem says why the channel could not be posted to.
func channelProblem(err error, channel string) *Problem {
	switch code := slackErr(err); code {
	case "not_in_channel":
		return &Problem{Text: activity.Text{
			Ja: "katsudo の Slack アプリがチャンネル " + channel + " に参加していません。チャンネルで「/invite @アプリ名」と入力して招待してください",
			En: "katsudo's Slack app is not in channel " + channel + "; type /invite @<app name> in the channel",
		}}
	case "channel_not_found":
		return &Problem{Text: activity.Text{
			Ja: "チャンネル " + channel + " が見つかりません。katsudo.yaml の slack_channel にチャンネル ID（チャンネル詳細の一番下、C で始まる）を書いてください",
			En: "channel " + channel + " not found; set slack_channel in katsudo.yaml to the channel ID (at the bottom of the channel's details, starting with C)",
		}}
	case "is_archived":
		return &Problem{Text: activity.Text{
			Ja: "チャンネル " + channel + " はアーカイブされています。使っているチャンネルを slack_channel に設定してください",
			En: "channel " + channel + " is archived; set slack_channel to a channel in use",
		}}
	}
	return &Problem{Text: activity.Text{
		Ja: "チャンネル " + channel + " に送れませんでした（" + reason(err) + "）。次回の実行でもう一度送ります",
		En: "could not post to channel " + channel + " (" + reason(err) + "); the next run tries again",
	}}
}

// reason is Slack's error code, or the error.
func reason(err error) string {
	if code := slackErr(err); code != "" {
		return code
	}
	return fmt.Sprint(err)
}

func emailLike(s string) bool {
	at := strings.IndexByte(s, '@')
	return at > 0 && at < len(s)-1 && !strings.ContainsAny(s, " \t")
}
