package doctor

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"strconv"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/katsudo-npo/katsudo/sync/sheets"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// Setup is what doctor checks: the organisation's config as katsudo
// loaded it, and how to reach its spreadsheet. The command line fills it
// in; the functions are the same ones every command opens the
// spreadsheet with, so doctor checks exactly what a run would use.
type Setup struct {
	// Config is the loaded config; ConfigErr, when set, is why it could
	// not be loaded (a *config.Error or config.ErrRead), and nothing else
	// is checked.
	Config    config.Config
	ConfigErr error
	// Credentials finds what katsudo signs in to Google with.
	Credentials func() (sheets.Credentials, error)
	// Spreadsheet opens the Google spreadsheet of the config.
	Spreadsheet func(ctx context.Context) (*sheets.Spreadsheet, error)
	// Open opens the book every command works on (workbook or Google).
	Open func(ctx context.Context) (clerk.Book, error)
	// Log receives the Slack adapter's errors while it is checked.
	Log *slog.Logger
}

// doctor prints what it checked: "OK" lines for what is ready, "NG" lines
// for each problem with its fix.
type doctor struct {
	w        io.Writer
	lang     activity.Lang
	problems int
}

func (d *doctor) ok(t activity.Text) { fmt.Fprintln(d.w, "OK  "+oneLine(t.In(d.lang))) }

// fail prints a problem said in the organisation's language.
func (d *doctor) fail(t activity.Text) { d.problem(t.In(d.lang)) }

func (d *doctor) problem(s string) {
	d.problems++
	fmt.Fprintln(d.w, "NG  "+oneLine(s))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Run checks, without changing anything, everything katsudo needs: the
// config, the Google credentials, access to the spreadsheet, its tabs and
// headers, and Slack. It prints one line for each thing checked, each
// problem with its fix, then the verdict, and returns how many problems
// it found.
func Run(ctx context.Context, w io.Writer, s Setup) int {
	d := &doctor{w: w, lang: activity.Japanese}
	if s.ConfigErr != nil {
		if l := config.LanguageOf(s.ConfigErr); l != "" {
			d.lang = activity.Lang(l)
		}
		for _, line := range strings.Split(s.ConfigErr.Error(), "\n") {
			d.fail(activity.Text{Ja: "設定の誤り：" + line, En: line})
		}
		return d.finish()
	}
	d.lang = activity.Lang(s.Config.Language)
	if s.Config.Source != "" {
		d.ok(activity.Text{Ja: "設定ファイル " + s.Config.Source + " を読めました", En: "config " + s.Config.Source + " reads fine"})
	} else {
		d.ok(activity.Text{Ja: "設定ファイルはありません（環境変数と既定値を使います。katsudo init で作れます）", En: "no config file: the environment and the defaults apply (katsudo init writes one)"})
	}
	readable := d.spreadsheet(ctx, s)
	d.slack(ctx, s, readable)
	return d.finish()
}

// finish prints the verdict: how many problems, or that all is well.
func (d *doctor) finish() int {
	if d.problems > 0 {
		fmt.Fprintln(d.w, activity.Text{
			Ja: "\n問題が " + strconv.Itoa(d.problems) + " 件あります。NG の行の指示に従って直し、もう一度 katsudo doctor を実行してください。",
			En: "\n" + strconv.Itoa(d.problems) + " problems; fix each NG line as it says and run katsudo doctor again.",
		}.In(d.lang))
		return d.problems
	}
	fmt.Fprintln(d.w, activity.Text{Ja: "\n問題は見つかりませんでした。", En: "\nAll is well."}.In(d.lang))
	return 0
}

// spreadsheet checks the workbook, or the credentials and the Google
// spreadsheet, then the tabs. It reports whether the spreadsheet could be
// opened and read.
func (d *doctor) spreadsheet(ctx context.Context, s Setup) bool {
	switch {
	case s.Config.Workbook != "":
		at := where{workbook: s.Config.Workbook}
		wb := xlsx.OpenWorkbook(s.Config.Workbook)
		tabs, err := wb.Tabs(ctx)
		if err != nil {
			d.fail(explain(err, at))
			return false
		}
		d.ok(activity.Text{Ja: "ファイル " + s.Config.Workbook + " を開けました", En: "opened " + s.Config.Workbook})
		return d.tabs(ctx, s, wb, tabs, at)
	case s.Config.SpreadsheetID != "":
		at := where{id: s.Config.SpreadsheetID}
		creds, err := s.Credentials()
		if err != nil {
			d.fail(explain(err, at))
			return false
		}
		at.creds = creds
		d.credentials(creds)
		ss, err := s.Spreadsheet(ctx)
		if err != nil {
			d.fail(explain(err, at))
			return false
		}
		tabs, err := ss.Tabs(ctx)
		if err != nil {
			d.fail(explain(err, at))
			return false
		}
		d.ok(activity.Text{Ja: "スプレッドシート " + ss.URL() + " を開けました", En: "opened the spreadsheet " + ss.URL()})
		return d.tabs(ctx, s, ss, tabs, at)
	default:
		d.problem(activity.Text{
			Ja: "スプレッドシートが設定されていません：katsudo.yaml の spreadsheet_id にスプレッドシートの URL を書くか、workbook に Excel ファイルを指定してください（katsudo init で katsudo.yaml を作れます）",
			En: "no spreadsheet: put the spreadsheet's URL in spreadsheet_id in katsudo.yaml, or an Excel file in workbook (katsudo init writes katsudo.yaml)",
		}.In(d.lang))
	}
	return false
}

// credentials says who katsudo signs in as, and whether the key file is
// readable by other users of the machine.
func (d *doctor) credentials(c sheets.Credentials) {
	switch c.Kind() {
	case "service_account":
		d.ok(activity.Text{Ja: "Google のサービスアカウント " + c.Account() + "（" + c.Source + "）", En: "Google service account " + c.Account() + " (" + c.Source + ")"})
	case "authorized_user":
		d.ok(activity.Text{Ja: "katsudo login で保存した Google のログイン（" + c.Source + "）", En: "the Google sign-in kept by katsudo login (" + c.Source + ")"})
	case "":
		d.ok(activity.Text{Ja: "Google へは Application Default Credentials でログインします", En: "Google sign-in: Application Default Credentials"})
	default:
		d.ok(activity.Text{Ja: "Google の認証情報 " + c.Source, En: "Google credentials " + c.Source})
	}
	if c.JSON == nil || runtime.GOOS == "windows" {
		return
	}
	if fi, err := os.Stat(c.Source); err == nil && fi.Mode().Perm()&0o077 != 0 {
		d.problem(activity.Text{
			Ja: c.Source + " はこのコンピューターの他のユーザーも読めます。秘密鍵が入っているので、chmod 600 " + c.Source + " で本人だけが読めるようにしてください",
			En: c.Source + " can be read by other users of this machine; it holds a private key: chmod 600 " + c.Source,
		}.In(d.lang))
	}
}

// tabs checks that the three input tabs are there and that their headers
// have every required column; katsudo's own tabs may be missing (the first
// report creates them).
func (d *doctor) tabs(ctx context.Context, s Setup, b clerk.Book, have []string, at where) bool {
	t := tabsOf(s.Config)
	inputs := []struct {
		name, key string
		cols      []activity.Column
	}{{t.Log, "tabs.log", activity.LogColumns}, {t.Programs, "tabs.programs", activity.ProgramColumns}, {t.Members, "tabs.members", activity.MemberColumns}}
	var present []string
	for _, in := range inputs {
		if hasTab(have, in.name) {
			present = append(present, in.name)
			continue
		}
		d.problem(activity.Text{
			Ja: "「" + in.name + "」タブがありません（今あるタブ：" + strings.Join(have, "、") + "）：名前を変えたならタブ名を戻すか katsudo.yaml の " + in.key + " に今の名前を書いてください。まだないなら katsudo init で作れます",
			En: "no tab " + strconv.Quote(in.name) + " (the tabs are: " + strings.Join(have, ", ") + "): rename it back, or put its new name in " + in.key + " in katsudo.yaml; katsudo init creates it when it is new",
		}.In(d.lang))
	}
	if len(present) == 0 {
		return false
	}
	grids, err := b.Read(ctx, present)
	if err != nil {
		d.fail(explain(err, at))
		return false
	}
	for _, in := range inputs {
		g, ok := grids[in.name]
		if !ok {
			continue
		}
		table, findings := activity.ReadTable(in.name, g, in.cols)
		for _, f := range findings {
			d.problem(f.Ref + ": " + f.Message.In(d.lang))
		}
		if len(findings) == 0 {
			d.ok(activity.Text{
				Ja: "「" + in.name + "」タブの見出し（" + strconv.Itoa(table.HeaderRow+1) + "行目）、データ " + strconv.Itoa(len(table.Rows)) + " 行",
				En: "tab " + in.name + ": header on row " + strconv.Itoa(table.HeaderRow+1) + ", " + strconv.Itoa(len(table.Rows)) + " rows",
			})
		}
	}
	for _, out := range []string{t.Report, t.Findings} {
		if !hasTab(have, out) {
			d.ok(activity.Text{Ja: "「" + out + "」タブは最初の katsudo report で作られます", En: "tab " + out + " will be created by the first katsudo report"})
		}
	}
	return true
}

func hasTab(tabs []string, name string) bool {
	for _, t := range tabs {
		if strings.EqualFold(t, name) {
			return true
		}
	}
	return false
}

// tabsOf are the organisation's tab names.
func tabsOf(c config.Config) activity.Tabs { return (&clerk.Clerk{Config: c}).Tabs() }
