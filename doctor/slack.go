package doctor

import (
	"context"
	"errors"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
)

// slack checks the Slack side without sending anything: the token (or
// webhook), its scopes — auth.test reports them — the channel, and that
// every active member of the members tab resolves to a Slack user (when
// the spreadsheet could be read). An organisation that uses katsudo
// without Slack — no token, no webhook, no slack_channel — is told so on
// an OK line: the report and the findings need no Slack.
func (d *doctor) slack(ctx context.Context, s Setup, readable bool) {
	c := s.Config
	if c.SlackBotToken == "" && c.SlackWebhookURL == "" && c.SlackChannel == "" && c.SlackAppToken == "" && c.SlackSigningSecret == "" {
		d.ok(activity.Text{
			Ja: "Slack は使わない設定です（リマインダーとまとめは送りません。使うときは SLACK_BOT_TOKEN と slack_channel を設定してください）",
			En: "Slack is not used (no reminders or summaries are sent; to use it, set SLACK_BOT_TOKEN and slack_channel)",
		})
		return
	}
	sender := bot.New(bot.Options{
		Token: c.SlackBotToken, WebhookURL: c.SlackWebhookURL, APIURL: c.SlackAPIURL,
		Channel: c.SlackChannel, Location: c.Location, Logger: s.Log,
	})
	var members []*activity.Member
	if sender.CanDM() && readable {
		var err error
		members, err = readMembers(ctx, s)
		var nf *activity.TabNotFoundError
		if err != nil && !errors.As(err, &nf) { // a missing tab was reported with the tabs
			t := explain(err, where{workbook: c.Workbook, id: c.SpreadsheetID})
			d.fail(activity.Text{
				Ja: "会員タブを読めないため、会員の Slack アカウントを確認できませんでした：" + t.Ja,
				En: "could not check the members' Slack accounts: the members tab cannot be read: " + t.En,
			})
		}
	}
	problems := sender.Check(ctx, members)
	for _, p := range problems {
		d.fail(p.Text)
	}
	// Logging from Slack (SLACK_APP_TOKEN / SLACK_SIGNING_SECRET).
	intake := bot.CheckIntake(ctx, bot.IntakeCheck{BotToken: c.SlackBotToken, AppToken: c.SlackAppToken,
		SigningSecret: c.SlackSigningSecret, APIURL: c.SlackAPIURL})
	for _, p := range intake {
		d.fail(p.Text)
	}
	problems = append(problems, intake...)
	if len(problems) == 0 {
		d.ok(activity.Text{Ja: "Slack の設定（トークン、権限、チャンネル、会員）", En: "Slack settings (token, scopes, channel, members)"})
	}
}

// readMembers reads the members tab.
func readMembers(ctx context.Context, s Setup) ([]*activity.Member, error) {
	b, err := s.Open(ctx)
	if err != nil {
		return nil, err
	}
	t := tabsOf(s.Config)
	grids, err := b.Read(ctx, []string{t.Members})
	if err != nil {
		return nil, err
	}
	return activity.Load(activity.Input{Tabs: t, Members: grids[t.Members]}).Roster.Members, nil
}
