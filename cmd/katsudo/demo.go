package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/katsudo-npo/katsudo/demo"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// demoFile is the workbook demo leaves in the current folder.
const demoFile = "katsudo-demo.xlsx"

// runDemo runs the whole job on the embedded FY2021 sample log: it copies
// the sample workbook to katsudo-demo.xlsx, reads it back as any workbook,
// prints the findings and the report, and writes the report and findings
// tabs into it. It needs no config and no credentials.
func runDemo(ctx context.Context, e env, args []string) error {
	fs := flagSet("demo", e)
	now := fs.String("now", demo.Now().Format(time.RFC3339), "act as if it were this moment: RFC 3339, or a date like 2022-05-10")
	lang := fs.String("lang", "ja", "language of the findings and the report: ja or en")
	format := fs.String("format", "text", "output format: text or json")
	unit := fs.String("unit", "yen", "report money in yen or sen (千円)")
	if err := parseFlags(fs, e, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	cfg := config.Default()
	cfg.Organization = demo.Organization
	j := &settings{cfg: cfg, fy: demo.FiscalYear().Year}
	var err error
	if j.now, err = parseNow(*now, cfg.Location); err != nil {
		return err
	}
	switch *lang {
	case "ja", "en":
		j.lang = activity.Lang(*lang)
		j.cfg.Language = *lang
	default:
		return fmt.Errorf("--lang %q: use ja or en", *lang)
	}
	switch *format {
	case "text":
	case "json":
		j.json = true
	default:
		return fmt.Errorf("--format %q: use text or json", *format)
	}
	switch *unit {
	case "yen", "sen":
		j.cfg.Unit = *unit
	default:
		return fmt.Errorf("--unit %q: use yen or sen", *unit)
	}

	path, kept, err := demoPath(e.workdir)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, demo.Input, 0o644); err != nil {
		return fmt.Errorf("write the demo workbook: %w", err)
	}
	c := j.clerk(xlsx.OpenWorkbook(path), j.logger(e), nil)
	res, err := c.Compile(ctx, j.now)
	if err != nil {
		return err
	}
	if res.Data.MissingColumns {
		return errors.New("the embedded demo workbook lacks a required column; this is a bug")
	}
	if err := c.WriteTabs(ctx, res); err != nil {
		return err
	}
	if err := noteDemo(path); err != nil {
		return fmt.Errorf("note the demo workbook: %w", err)
	}
	if j.json {
		return writeJSON(e, struct {
			Findings []activity.FindingJSON `json:"findings"`
			Report   *activity.Report       `json:"report"`
		}{activity.FindingsJSON(res.Findings, j.lang), res.Report})
	}
	l := j.lang
	w := e.stdout
	rule := "────────────────────────────────────────"
	fmt.Fprintln(w, activity.Text{
		Ja: "katsudo デモ：" + demo.Organization + "の2021年度の活動ログ（会員の書き方のまま）を点検し、事業報告書を作ります。",
		En: "katsudo demo: checks the FY2021 activity log of " + demo.Organization + " (as its members typed it) and compiles the business report.",
	}.In(l))
	fmt.Fprintln(w, "\n"+rule+"\n"+activity.Text{Ja: "■ 点検結果", En: "■ Findings"}.In(l)+"\n"+rule)
	printFindings(w, res.Findings, l)
	fmt.Fprintln(w, "\n"+rule+"\n"+activity.Text{Ja: "■ 事業報告書", En: "■ Business report"}.In(l)+"\n"+rule)
	if err := res.Report.WriteText(w); err != nil {
		return err
	}
	fmt.Fprintln(w, "\n"+rule+"\n"+activity.Text{Ja: "■ Slack（この時点で送るメッセージ）", En: "■ Slack (the messages due at this moment)"}.In(l)+"\n"+rule)
	msgs, st := c.PreviewResult(ctx, res, j.now, clerk.Plan{Slack: true})
	printMessages(w, msgs, st, l)
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	fmt.Fprintln(w, "\n"+rule)
	fmt.Fprintln(w, activity.Text{
		Ja: "書き込み先：" + abs + "（「" + j.cfg.Tabs.Report + "」と「" + j.cfg.Tabs.Findings + "」タブ。Excel や LibreOffice で開けます）",
		En: "Written to " + abs + " (tabs " + j.cfg.Tabs.Report + " and " + j.cfg.Tabs.Findings + "; open it in Excel or LibreOffice)",
	}.In(l))
	if kept != "" {
		fmt.Fprintln(w, activity.Text{
			Ja: kept + " は変更されているか、デモが作ったものではないため、上書きしませんでした。",
			En: kept + " was changed, or is not the demo's, so it was left as it is.",
		}.In(l))
	}
	name := filepath.Base(path) // in the folder demo was run in
	fmt.Fprintln(w, activity.Text{Ja: "次に試すコマンド：", En: "Try next:"}.In(l))
	fmt.Fprintf(w, "  %s check --workbook %s --now %s\n", e.progName(), name, j.now.Format(time.RFC3339))
	fmt.Fprintf(w, "  %s report --workbook %s --fy 2021 --unit sen\n", e.progName(), name)
	return nil
}
