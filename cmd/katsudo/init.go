package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/katsudo-npo/katsudo/sync/sheets"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// runInit writes a commented katsudo.yaml, never over an existing one, and
// lays out the spreadsheet: the local workbook named with --workbook
// (created when missing), else the Google spreadsheet of the config. Run
// twice, it changes nothing the second time, and it never deletes data.
func runInit(ctx context.Context, e env, args []string) error {
	fs := flagSet("init", e)
	cfgPath := fs.String("config", "", "the config file to write (default katsudo.yaml)")
	workbook := fs.String("workbook", "", "lay out this local .xlsx (created when missing) instead of the Google spreadsheet")
	force := fs.Bool("force", false, "lay out the local workbook even when it is read-only or Excel/LibreOffice has it open")
	if err := parseFlags(fs, e, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	path := *cfgPath
	if path == "" {
		path = filepath.Join(e.workdir, "katsudo.yaml")
	}
	wrote, err := writeConfig(path, *workbook)
	if err != nil {
		return err
	}
	cfg, err := config.Load(path, true, e.getenv)
	if e.scrub != nil {
		e.scrub.Add(cfg.Secrets()...)
	}
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

	tmpl := activity.Template(j.tabs())
	var changes []activity.Text
	var b book
	switch {
	case cfg.Workbook != "":
		wb := xlsx.OpenWorkbook(cfg.Workbook)
		wb.Force = *force
		b = wb
		changes, err = wb.Setup(ctx, tmpl)
	case cfg.SpreadsheetID != "":
		var s *sheets.Spreadsheet
		if s, err = openSpreadsheet(ctx, j, e); err == nil {
			b = s
			changes, err = s.Setup(ctx, tmpl)
		}
	default:
		say(activity.Text{
			Ja: "次に：スプレッドシートの URL を " + path + " の spreadsheet_id に書き、サービスアカウントのアドレスに編集者として共有してから、もう一度 katsudo init を実行してください（katsudo doctor で確認できます）。Excel ファイルを使うなら katsudo init --workbook 活動ログ.xlsx。",
			En: "Next: put the spreadsheet's URL in spreadsheet_id in " + path + ", share the spreadsheet with the service account's address as an Editor, and run katsudo init again (katsudo doctor checks it all). For a local Excel file: katsudo init --workbook log.xlsx.",
		})
		return nil
	}
	if err != nil {
		return err
	}
	for _, c := range changes {
		fmt.Fprintln(e.stdout, "  "+c.In(j.lang))
	}
	missing, err := missingHeaders(ctx, b, j.tabs())
	if err != nil {
		return err
	}
	if len(missing) > 0 {
		// init adds what is missing but never renames a member's column:
		// say what report would refuse, and how to fix it.
		say(activity.Text{
			Ja: "見出しが足りないため、このままでは katsudo report は何も書き込みません。列の名前を戻すか、足りない列を追加してください：",
			En: "A required header is missing, so katsudo report would write nothing; rename the column back or add it:",
		})
		for _, f := range missing {
			fmt.Fprintln(e.stdout, "  "+f.Ref+" "+f.Message.In(j.lang))
		}
		return clerk.ErrorsFound{N: len(missing)}
	}
	if len(changes) == 0 {
		say(activity.Text{Ja: "スプレッドシートはすでに整っています。変更はありません。", En: "The spreadsheet is already set up; nothing changed."})
	}
	return nil
}

// missingHeaders reads the members' three tabs and returns a finding for
// each required header that is not there (a renamed 場所 column, say).
func missingHeaders(ctx context.Context, b book, t activity.Tabs) ([]activity.Finding, error) {
	grids, err := b.Read(ctx, []string{t.Log, t.Programs, t.Members})
	if err != nil {
		return nil, err
	}
	var out []activity.Finding
	for _, in := range []struct {
		name string
		cols []activity.Column
	}{{t.Log, activity.LogColumns}, {t.Programs, activity.ProgramColumns}, {t.Members, activity.MemberColumns}} {
		_, findings := activity.ReadTable(in.name, grids[in.name], in.cols)
		for _, f := range findings {
			if f.Code == activity.CodeMissingColumn {
				out = append(out, f)
			}
		}
	}
	return out, nil
}

// writeConfig writes the commented template to path unless a file is
// already there, naming the workbook when one was given. It reports
// whether it wrote. The file is readable by its owner only (0600): it
// names the organisation's spreadsheet and may come to hold the
// heartbeat URL, which works like a password.
func writeConfig(path, workbook string) (bool, error) {
	text := config.Template
	if workbook != "" {
		text = strings.Replace(text, "\nworkbook: \"\"\n", "\nworkbook: "+strconv.Quote(relativeTo(filepath.Dir(path), workbook))+"\n", 1)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("write the config: %w", err)
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		os.Remove(path)
		return false, fmt.Errorf("write the config %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return false, fmt.Errorf("write the config %s: %w", path, err)
	}
	return true, nil
}

// relativeTo is path as the config file's folder sees it: relative paths
// in katsudo.yaml start there.
func relativeTo(dir, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return abs
	}
	if rel, err := filepath.Rel(absDir, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return abs
}
