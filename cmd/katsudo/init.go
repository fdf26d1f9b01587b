package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// runInit writes a commented katsudo.yaml, never over an existing one
// (config.WriteTemplate), and lays out the spreadsheet (clerk.SetUp): the
// local workbook named with --workbook (created when missing), else the
// Google spreadsheet of the config.
func runInit(ctx context.Context, e env, args []string) error {
	fs := flagSet("init", e)
	cfgPath := fs.String("config", "", e.say("書き込む設定ファイル（既定 katsudo.yaml）", "the config file to write (default katsudo.yaml)"))
	workbook := fs.String("workbook", "", e.say("Google スプレッドシートの代わりにこのローカルの .xlsx を整えます（なければ作ります）", "lay out this local .xlsx (created when missing) instead of the Google spreadsheet"))
	force := fs.Bool("force", false, e.say("ローカルのブックが読み取り専用でも、Excel や LibreOffice で開かれていても整えます", "lay out the local workbook even when it is read-only or Excel/LibreOffice has it open"))
	if err := parseFlags(fs, e, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return e.extra(fs.Arg(0))
	}
	path := *cfgPath
	if path == "" {
		path = filepath.Join(e.workdir, "katsudo.yaml")
	}
	wrote, err := config.WriteTemplate(path, *workbook)
	if err != nil {
		return err
	}
	cfg, err := loadConfig(e, path, true)
	if err != nil {
		return err
	}
	if *workbook != "" {
		cfg.Workbook = *workbook
	}
	j := &settings{cfg: cfg, lang: activity.Lang(cfg.Language)}
	say := func(t activity.Text) { fmt.Fprintln(e.stdout, t.In(j.lang)) }
	if wrote {
		say(activity.Text{Ja: path + " を書きました。各項目の説明はファイルの中にあります。", En: "Wrote " + path + "; each setting is explained in it."})
	} else {
		say(activity.Text{Ja: path + " はすでにあるので、そのままにしました。", En: path + " exists; left as it is."})
	}

	var l clerk.Layout
	switch {
	case cfg.Workbook != "":
		wb := xlsx.OpenWorkbook(cfg.Workbook)
		wb.Force = *force
		l = wb
	case cfg.SpreadsheetID != "":
		if l, err = openSpreadsheet(ctx, j, e); err != nil {
			return err
		}
	default:
		say(activity.Text{
			Ja: "次に：スプレッドシートの URL を " + path + " の spreadsheet_id に書き、サービスアカウントのアドレスに編集者として共有してから、もう一度 katsudo init を実行してください（katsudo doctor で確認できます）。Excel ファイルを使うなら katsudo init --workbook 活動ログ.xlsx。",
			En: "Next: put the spreadsheet's URL in spreadsheet_id in " + path + ", share the spreadsheet with the service account's address as an Editor, and run katsudo init again (katsudo doctor checks it all). For a local Excel file: katsudo init --workbook log.xlsx.",
		})
		return nil
	}
	return (&clerk.Clerk{Config: cfg}).SetUp(ctx, e.stdout, l)
}
