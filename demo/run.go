package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// File is the workbook the demo leaves in the folder it was run in.
const File = "katsudo-demo.xlsx"

// Options are what the person running `katsudo demo` chose.
type Options struct {
	Dir  string // where the workbook is written; "" is the current folder
	Now  time.Time
	Lang activity.Lang
	JSON bool
	Unit string // "yen" or "sen"
	// Prog is how to name katsudo in the commands suggested next.
	Prog string
	// Log receives the clerk's warnings (nil: none).
	Log *slog.Logger
}

// Run is the whole job on the sample log, as `katsudo demo` shows it:
// it copies the sample workbook to File in o.Dir (see Path), reads it back
// as any workbook, prints the findings, the report and the Slack messages
// due at o.Now, and writes the report and findings tabs into it. It needs
// no config and no credentials.
func Run(ctx context.Context, w io.Writer, o Options) error {
	cfg := config.Default()
	cfg.Organization = Organization
	cfg.Language, cfg.Unit = string(o.Lang), o.Unit
	path, kept, err := Path(o.Dir)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, Input, 0o644); err != nil {
		return fmt.Errorf("write the demo workbook: %w", err)
	}
	c := &clerk.Clerk{Config: cfg, Book: xlsx.OpenWorkbook(path), Year: FiscalYear().Year, Log: o.Log}
	c.Schedules, _ = clerk.ParseSchedules(cfg) // the defaults parse
	res, err := c.Compile(ctx, o.Now)
	if err != nil {
		return err
	}
	if res.Data.MissingColumns {
		return errors.New("the embedded demo workbook lacks a required column; this is a bug")
	}
	if err := c.WriteTabs(ctx, res); err != nil {
		return err
	}
	if err := Note(path); err != nil {
		return fmt.Errorf("note the demo workbook: %w", err)
	}
	l := o.Lang
	if o.JSON {
		return clerk.Terminal{Out: w}.WriteJSON(struct {
			Findings []activity.FindingJSON `json:"findings"`
			Report   *activity.Report       `json:"report"`
		}{activity.FindingsJSON(res.Findings, l), res.Report})
	}
	rule := "────────────────────────────────────────"
	heading := func(t activity.Text) { fmt.Fprintln(w, "\n"+rule+"\n"+t.In(l)+"\n"+rule) }
	fmt.Fprintln(w, activity.Text{
		Ja: "katsudo デモ：" + Organization + "の2021年度の活動ログ（会員の書き方のまま）を点検し、事業報告書を作ります。",
		En: "katsudo demo: checks the FY2021 activity log of " + Organization + " (as its members typed it) and compiles the business report.",
	}.In(l))
	heading(activity.Text{Ja: "■ 点検結果", En: "■ Findings"})
	activity.WriteFindings(w, res.Findings, l)
	heading(activity.Text{Ja: "■ 事業報告書", En: "■ Business report"})
	if err := res.Report.WriteText(w); err != nil {
		return err
	}
	heading(activity.Text{Ja: "■ Slack（この時点で送るメッセージ）", En: "■ Slack (the messages due at this moment)"})
	msgs, st := c.PreviewResult(ctx, res, o.Now, clerk.Plan{Slack: true})
	bot.WriteMessages(w, msgs, st, l)
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	fmt.Fprintln(w, "\n"+rule)
	fmt.Fprintln(w, activity.Text{
		Ja: "書き込み先：" + abs + "（「" + cfg.Tabs.Report + "」と「" + cfg.Tabs.Findings + "」タブ。Excel や LibreOffice で開けます）",
		En: "Written to " + abs + " (tabs " + cfg.Tabs.Report + " and " + cfg.Tabs.Findings + "; open it in Excel or LibreOffice)",
	}.In(l))
	if kept != "" {
		fmt.Fprintln(w, activity.Text{
			Ja: kept + " は変更されているか、デモが作ったものではないため、上書きしませんでした。",
			En: kept + " was changed, or is not the demo's, so it was left as it is.",
		}.In(l))
	}
	name := filepath.Base(path) // in the folder demo was run in
	fmt.Fprintln(w, activity.Text{Ja: "次に試すコマンド：", En: "Try next:"}.In(l))
	fmt.Fprintf(w, "  %s check --workbook %s --now %s\n", o.Prog, name, o.Now.Format(time.RFC3339))
	fmt.Fprintf(w, "  %s report --workbook %s --fy 2021 --unit sen\n", o.Prog, name)
	return nil
}
