package main

import (
	"context"
	"log/slog"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
)

// doctorSlack checks the Slack side without sending anything: the token
// (or webhook), its scopes — auth.test reports them — the channel, and
// that every active member of the members tab resolves to a Slack user.
// Each string is one problem with its fix, in the organisation's
// language; none means Slack is ready.
func doctorSlack(ctx context.Context, j *settings, e env) []string {
	s := bot.New(bot.Options{
		Token: j.cfg.SlackBotToken, WebhookURL: j.cfg.SlackWebhookURL, APIURL: j.cfg.SlackAPIURL,
		Channel: j.cfg.SlackChannel, Location: j.cfg.Location,
		Logger: slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelError})),
	})
	var members []*activity.Member
	var out []string
	if s.CanDM() {
		var err error
		if members, err = doctorMembers(ctx, j, e); err != nil {
			out = append(out, activity.Text{
				Ja: "会員タブを読めないため、会員の Slack アカウントを確認できませんでした：" + err.Error(),
				En: "could not check the members' Slack accounts: the members tab cannot be read: " + err.Error(),
			}.In(j.lang))
		}
	}
	for _, p := range s.Check(ctx, members) {
		out = append(out, p.Text.In(j.lang))
	}
	// Logging from Slack (SLACK_APP_TOKEN / SLACK_SIGNING_SECRET).
	for _, p := range bot.CheckIntake(ctx, bot.IntakeCheck{BotToken: j.cfg.SlackBotToken, AppToken: j.cfg.SlackAppToken,
		SigningSecret: j.cfg.SlackSigningSecret, APIURL: j.cfg.SlackAPIURL}) {
		out = append(out, p.Text.In(j.lang))
	}
	return out
}

// doctorMembers reads the members tab.
func doctorMembers(ctx context.Context, j *settings, e env) ([]*activity.Member, error) {
	b, err := j.open(ctx, e)
	if err != nil {
		return nil, err
	}
	t := j.tabs()
	grids, err := b.Read(ctx, []string{t.Members})
	if err != nil {
		return nil, err
	}
	return activity.Load(activity.Input{Tabs: t, Members: grids[t.Members]}).Roster.Members, nil
}
