package main

import (
	"context"
	"fmt"

	"github.com/katsudo-npo/katsudo/activity"
)

// runReport compiles the report, writes the report and findings tabs in
// one write, and prints the report. When a required header is missing it
// prints the findings and writes nothing.
func runReport(ctx context.Context, e env, args []string) error {
	var f flags
	j, err := parse(newFlagSet("report", e, &f), &f, e, args)
	if err != nil {
		return err
	}
	b, err := j.open(ctx, e)
	if err != nil {
		return err
	}
	c := j.clerk(b, j.logger(e), nil)
	res, err := c.Compile(ctx, j.now)
	if err != nil {
		return err
	}
	if hint := res.EmptyYearHint(j.lang); hint != "" {
		fmt.Fprintln(e.stderr, hint)
	}
	if res.Data.MissingColumns {
		printFindings(e.stderr, res.Findings, j.lang)
		n, _ := activity.Count(res.Findings)
		fmt.Fprintln(e.stderr, activity.Text{Ja: "見出しが足りないため、何も書き込みませんでした。", En: "A required header is missing: nothing was written."}.In(j.lang))
		return findingsError{errors: n}
	}
	if err := b.Write(ctx, c.Sheets(res)); err != nil {
		return err
	}
	if j.json {
		return writeJSON(e, res.Report)
	}
	if err := res.Report.WriteText(e.stdout); err != nil {
		return err
	}
	errs, warns := activity.Count(res.Findings)
	fmt.Fprintln(e.stdout, "\n"+activity.Text{
		Ja: fmt.Sprintf("「%s」と「%s」タブを書き込みました（エラー %d件、注意 %d件）。", j.cfg.Tabs.Report, j.cfg.Tabs.Findings, errs, warns),
		En: fmt.Sprintf("Wrote the %q and %q tabs (%d errors, %d warnings).", j.cfg.Tabs.Report, j.cfg.Tabs.Findings, errs, warns),
	}.In(j.lang))
	return nil
}
