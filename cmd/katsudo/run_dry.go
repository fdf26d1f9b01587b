package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/clerk"
)

// dryRun prints what `katsudo run` would do at j.now — the report and
// findings tabs it would write, the messages it would send — and writes,
// sends and records nothing. It reads the spreadsheet only, so it takes
// no lock: it can look while a serve is running.
func dryRun(ctx context.Context, e env, j *settings) error {
	b, err := j.open(ctx, e)
	if err != nil {
		return err
	}
	c := j.clerk(b, j.logger(e), nil)
	say := func(t activity.Text) { fmt.Fprintln(e.stdout, t.In(j.lang)) }
	say(activity.Text{Ja: "--dry-run：書き込みも送信も記録もしません。", En: "--dry-run: nothing is written, sent or recorded."})
	res, err := c.Compile(ctx, j.now)
	if err != nil {
		return err
	}
	if res.Data.MissingColumns {
		printFindings(e.stdout, res.Findings, j.lang)
		say(activity.Text{Ja: "見出しが足りないため、run は何も書き込みません。", En: "A required header is missing: run would write nothing."})
		n, _ := activity.Count(res.Findings)
		return findingsError{errors: n}
	}
	errs, warns := activity.Count(res.Findings)
	say(activity.Text{
		Ja: "\n書き込むタブ：「" + j.cfg.Tabs.Report + "」（" + strconv.Itoa(res.Year.Year) + "年度）と「" + j.cfg.Tabs.Findings + "」（エラー " + strconv.Itoa(errs) + "件、注意 " + strconv.Itoa(warns) + "件）",
		En: "\nTabs it would write: " + strconv.Quote(j.cfg.Tabs.Report) + " (FY" + strconv.Itoa(res.Year.Year) + ") and " + strconv.Quote(j.cfg.Tabs.Findings) + " (" + strconv.Itoa(errs) + " errors, " + strconv.Itoa(warns) + " warnings)",
	})
	if err := res.Report.WriteText(e.stdout); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout)
	printFindings(e.stdout, res.Findings, j.lang)
	fmt.Fprintln(e.stdout)
	if c.Slack == nil {
		say(activity.Text{Ja: "Slack が設定されていないため、メッセージは送りません。", En: "Slack is not set up: no message would be sent."})
		return nil
	}
	msgs, st, out, err := c.Preview(ctx, j.now, clerk.Plan{Slack: true})
	if err != nil {
		return err
	}
	printMessages(e.stdout, msgs, st, j.lang)
	printHeld(e.stdout, out, j)
	return nil
}
