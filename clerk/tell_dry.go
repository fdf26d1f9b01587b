package clerk

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
)

// DryRun prints what a pass at now would do — the report and findings
// tabs it would write, the messages it would send — and writes, sends and
// records nothing (`katsudo run --dry-run`). It only reads, so it needs
// no lock: it can look while a serve is running. A missing header ends it
// with ErrorsFound, as the pass would write nothing.
func (c *Clerk) DryRun(ctx context.Context, w io.Writer, now time.Time) error {
	lang := c.Lang()
	say := func(t activity.Text) { fmt.Fprintln(w, t.In(lang)) }
	say(activity.Text{Ja: "--dry-run：書き込みも送信も記録もしません。", En: "--dry-run: nothing is written, sent or recorded."})
	res, err := c.Compile(ctx, now)
	if err != nil {
		return err
	}
	if res.Data.MissingColumns {
		activity.WriteFindings(w, res.Findings, lang)
		say(activity.Text{Ja: "見出しが足りないため、run は何も書き込みません。", En: "A required header is missing: run would write nothing."})
		n, _ := activity.Count(res.Findings)
		return ErrorsFound{N: n}
	}
	errs, warns := activity.Count(res.Findings)
	tabs := c.Config.Tabs
	say(activity.Text{
		Ja: "\n書き込むタブ：「" + tabs.Report + "」（" + strconv.Itoa(res.Year.Year) + "年度）と「" + tabs.Findings + "」（エラー " + strconv.Itoa(errs) + "件、注意 " + strconv.Itoa(warns) + "件）",
		En: "\nTabs it would write: " + strconv.Quote(tabs.Report) + " (FY" + strconv.Itoa(res.Year.Year) + ") and " + strconv.Quote(tabs.Findings) + " (" + strconv.Itoa(errs) + " errors, " + strconv.Itoa(warns) + " warnings)",
	})
	if err := res.Report.WriteText(w); err != nil {
		return err
	}
	fmt.Fprintln(w)
	activity.WriteFindings(w, res.Findings, lang)
	fmt.Fprintln(w)
	msgs, st, out, err := c.Preview(ctx, now, Plan{Slack: true})
	if err != nil {
		return err
	}
	if c.Slack == nil && len(msgs) > 0 {
		// What is due is shown all the same: it is what setting Slack up
		// would send.
		say(activity.Text{
			Ja: "Slack が設定されていないため、次のメッセージは送られません（SLACK_BOT_TOKEN か SLACK_WEBHOOK_URL を設定すると送られます）。",
			En: "Slack is not set up, so these messages would not be sent (set SLACK_BOT_TOKEN or SLACK_WEBHOOK_URL and they will be):",
		})
	}
	bot.WriteMessages(w, msgs, st, lang)
	out.WriteHeld(w, c.Config.Location, lang)
	return nil
}
