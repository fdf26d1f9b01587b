package clerk

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/config"
)

// ErrNoSlack stops remind and summary when messages are due and katsudo
// has no way into Slack; its text is Text.
var ErrNoSlack = errors.New("slack is not set up")

// Send sends the messages of the plan's kinds that are due at now, whose
// time has come by the schedule and that the 送信履歴 tab does not hold,
// each exactly once (remind, summary). A member or channel Slack cannot
// reach is a Problem in the outcome; the others still go out.
func (c *Clerk) Send(ctx context.Context, now time.Time, plan Plan) (Outcome, error) {
	plan.Slack, plan.Report = true, false
	if c.Slack == nil {
		return Outcome{Plan: plan}, &textError{err: ErrNoSlack, text: activity.Text{
			Ja: "Slack が設定されていません。SLACK_BOT_TOKEN（または SLACK_WEBHOOK_URL）を設定するか、--dry-run で内容だけ確認してください",
			En: "Slack is not set up: set SLACK_BOT_TOKEN (or SLACK_WEBHOOK_URL), or pass --dry-run to see the messages",
		}, lang: c.Lang()}
	}
	return c.Pass(ctx, now, plan)
}

// textError is an error said for the person running katsudo, in the
// organisation's language, that keeps its cause.
type textError struct {
	err  error
	text activity.Text
	lang activity.Lang
}

func (e *textError) Error() string { return e.text.In(e.lang) }
func (e *textError) Unwrap() error { return e.err }

// deliver sends msgs through a new Messenger, each once, with the
// 送信履歴 tab as read as its outbox. An error that stops the run
// comes back as its fix, in the organisation's language, with its cause.
func (c *Clerk) deliver(ctx context.Context, store *outbox, msgs []activity.Message) (bot.Outcome, error) {
	out, err := c.Slack().Deliver(ctx, msgs, c.Style(ctx), store)
	var fe *bot.FatalError
	if errors.As(err, &fe) {
		err = fmt.Errorf("%s: %w", fe.Fix.In(c.Lang()), fe.Err)
	}
	return out, err
}

// Style is how the organisation's messages read: its language, its tab
// names, links into its spreadsheet and whether escalations mention.
func (c *Clerk) Style(ctx context.Context) bot.Style {
	return bot.Style{Lang: c.Lang(), Tabs: c.Tabs(), Link: c.sheetLink(ctx), Mentions: c.Config.SlackMentions, Buttons: c.Buttons}
}

// sheetLink opens the Google spreadsheet at a reference: the tab by its
// gid and the cell or row by range (…/edit#gid=123&range=A17). A local
// workbook has no links; without gids the link opens the spreadsheet.
// The gids are the ones the Book knows when the link is made, which costs
// no request: the write that claims a pass's messages brings them back,
// and Deliver lays each message out again after claiming it.
func (c *Clerk) sheetLink(ctx context.Context) func(ref string) string {
	if c.Config.Workbook != "" || c.Config.SpreadsheetID == "" {
		return nil
	}
	g, ok := c.Book.(SheetIDer)
	return func(ref string) string {
		var gids map[string]int64
		if ok {
			gids = g.KnownSheetIDs()
		}
		return config.SheetLink(c.Config.SpreadsheetID, ref, gids)
	}
}
