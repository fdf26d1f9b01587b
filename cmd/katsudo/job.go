package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// book is where the tabs live: a local workbook or the Google spreadsheet.
type book interface {
	Read(ctx context.Context, tabs []string) (map[string]activity.Grid, error)
	Write(ctx context.Context, sheets []activity.Sheet) error
}

// flags are the options every command shares (SPEC §6).
type flags struct {
	config   string
	workbook string
	fy       int
	now      string
	format   string
	unit     string
}

func newFlagSet(name string, e env, f *flags) *flag.FlagSet {
	fs := flag.NewFlagSet("katsudo "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&f.config, "config", "", "config file (default katsudo.yaml when it exists)")
	fs.StringVar(&f.workbook, "workbook", "", "a local .xlsx to work on instead of Google Sheets")
	fs.IntVar(&f.fy, "fy", 0, "fiscal year to compile, by the year it starts in (default: the one containing --now)")
	fs.StringVar(&f.now, "now", "", "the moment to act as if it were (RFC 3339, default: now)")
	fs.StringVar(&f.format, "format", "text", "output format: text or json")
	fs.StringVar(&f.unit, "unit", "", "report money in yen or sen (千円); default from the config")
	return fs
}

// job is one run's settings, resolved from flags, config and environment.
type job struct {
	// log is where warnings go: run and serve set it from --log-format;
	// the other commands warn in text on stderr.
	log  *slog.Logger
	cfg  config.Config
	now  time.Time
	fy   activity.FiscalYear
	lang activity.Lang
	json bool
}

// parse reads the flags and the config; every problem is a usage error.
func parse(fs *flag.FlagSet, f *flags, e env, args []string) (*job, error) {
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	path, required := f.config, true
	if path == "" {
		path, required = "katsudo.yaml", false
	}
	cfg, err := config.Load(path, required, e.getenv)
	if err != nil {
		return nil, err
	}
	if f.workbook != "" {
		cfg.Workbook = f.workbook
	}
	switch f.unit {
	case "":
	case "yen", "sen":
		cfg.Unit = f.unit
	default:
		return nil, fmt.Errorf("--unit %q: use yen or sen", f.unit)
	}
	j := &job{cfg: cfg, lang: activity.Lang(cfg.Language)}
	switch f.format {
	case "text":
	case "json":
		j.json = true
	default:
		return nil, fmt.Errorf("--format %q: use text or json", f.format)
	}
	j.now, err = parseNow(f.now)
	if err != nil {
		return nil, err
	}
	j.fy = activity.FiscalYearOf(j.now.In(cfg.Location), cfg.FiscalYearStartMonth)
	if f.fy != 0 {
		if f.fy < 1900 || f.fy > 2199 {
			return nil, fmt.Errorf("--fy %d: give the year the fiscal year starts in, like 2021", f.fy)
		}
		j.fy.Year = f.fy
	}
	return j, nil
}

func parseNow(s string) (time.Time, error) {
	if s == "" {
		return time.Now(), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--now %q: use RFC 3339, like 2022-04-15T10:00:00+09:00", s)
	}
	return t, nil
}

func (j *job) tabs() activity.Tabs {
	t := j.cfg.Tabs
	return activity.Tabs{Log: t.Log, Programs: t.Programs, Members: t.Members, Report: t.Report, Findings: t.Findings, Sent: t.Sent}
}

func (j *job) options() activity.Options {
	return activity.Options{
		Organization: j.cfg.Organization, Language: j.lang,
		Sen: j.cfg.Unit == "sen", StaffTotal: j.cfg.StaffBasis == "total",
	}
}

// open picks the backend: the local workbook when one is named, else the
// Google spreadsheet.
func (j *job) open(ctx context.Context, e env) (book, error) {
	switch {
	case j.cfg.Workbook != "":
		return xlsx.OpenWorkbook(j.cfg.Workbook), nil
	case j.cfg.SpreadsheetID != "":
		return openSheets(ctx, j, e)
	}
	return nil, errors.New("no spreadsheet: pass --workbook FILE.xlsx, or set workbook or spreadsheet_id in katsudo.yaml")
}

// result is what one pass of the pipeline produced.
type result struct {
	data     *activity.Dataset
	report   *activity.Report
	findings []activity.Finding
}

// compile reads the three input tabs and runs the pure pipeline.
func (j *job) compile(ctx context.Context, b book) (*result, error) {
	t := j.tabs()
	grids, err := b.Read(ctx, []string{t.Log, t.Programs, t.Members})
	if err != nil {
		return nil, err
	}
	return j.compileInput(activity.Input{Tabs: t, Log: grids[t.Log], Programs: grids[t.Programs], Members: grids[t.Members]}), nil
}

func (j *job) compileInput(in activity.Input) *result {
	d := activity.Load(in)
	r := activity.Compile(d, j.fy, j.options())
	fs := activity.Check(d, r, j.fy, j.now, j.cfg.Location)
	return &result{data: d, report: r, findings: fs}
}

// sheets are the tabs katsudo writes for a result: the report and the findings.
func (j *job) sheets(res *result) []activity.Sheet {
	t := j.tabs()
	return []activity.Sheet{res.report.Sheet(t.Report), activity.FindingsSheet(t.Findings, res.findings, j.lang)}
}

// printFindings prints findings grouped by severity, errors first.
func printFindings(w io.Writer, fs []activity.Finding, lang activity.Lang) {
	errs, warns := activity.Count(fs)
	if len(fs) == 0 {
		fmt.Fprintln(w, activity.Text{Ja: "問題は見つかりませんでした。", En: "No findings."}.In(lang))
		return
	}
	fmt.Fprintln(w, activity.Text{
		Ja: "エラー " + strconv.Itoa(errs) + "件、注意 " + strconv.Itoa(warns) + "件",
		En: strconv.Itoa(errs) + " errors, " + strconv.Itoa(warns) + " warnings",
	}.In(lang))
	var sev activity.Severity
	for _, f := range fs {
		if f.Severity != sev {
			sev = f.Severity
			fmt.Fprintln(w, "\n["+activity.SeverityText(sev, lang)+"]")
		}
		who := ""
		if f.Member != "" {
			who = " (" + f.Member + ")"
		}
		fmt.Fprintf(w, "  %s %s%s\n    %s\n", f.Ref, f.Code, who, f.Message.In(lang))
	}
}

// logger is the run's logger.
func (j *job) logger(e env) *slog.Logger {
	if j.log != nil {
		return j.log
	}
	return slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
}
