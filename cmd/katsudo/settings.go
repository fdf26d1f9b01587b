package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// book is where the tabs live: a local workbook or the Google spreadsheet.
type book = clerk.Book

// flags are the options every command shares (SPEC §6).
type flags struct {
	config   string
	workbook string
	fy       int
	now      string
	format   string
	unit     string
	force    bool
}

func newFlagSet(name string, e env, f *flags) *flag.FlagSet {
	fs := flag.NewFlagSet("katsudo "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&f.config, "config", "", "config file (default katsudo.yaml when it exists)")
	fs.StringVar(&f.workbook, "workbook", "", "a local .xlsx to work on instead of Google Sheets")
	fs.IntVar(&f.fy, "fy", 0, "fiscal year to compile, by the year it starts in (default: the year being filed — last year until its filing deadline, then the current one)")
	fs.StringVar(&f.now, "now", "", "the moment to act as if it were (RFC 3339, default: now)")
	fs.StringVar(&f.format, "format", "text", "output format: text or json")
	fs.StringVar(&f.unit, "unit", "", "report money in yen or sen (千円); default from the config")
	fs.BoolVar(&f.force, "force", false, "write the local workbook even when it is read-only or Excel/LibreOffice has it open (a lock file left by a crash)")
	return fs
}

// settings are one command's settings, resolved from its flags, the
// config file and the environment.
type settings struct {
	// log is where warnings go: run and serve set it from --log-format;
	// the other commands warn in text on stderr.
	log  *slog.Logger
	cfg  config.Config
	now  time.Time
	fy   int // --fy: the fiscal year by the year it starts in; 0 the year being filed
	lang activity.Lang
	json bool
	// force writes the local workbook even when it looks open in an
	// editor or is read-only (--force).
	force bool
}

// parse reads the flags and the config; every problem is a usage error.
func parse(fs *flag.FlagSet, f *flags, e env, args []string) (*settings, error) {
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
	if e.scrub != nil {
		e.scrub.Add(cfg.Secrets()...)
	}
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
	j := &settings{cfg: cfg, lang: activity.Lang(cfg.Language)}
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
	if f.fy != 0 && (f.fy < 1900 || f.fy > 2199) {
		return nil, fmt.Errorf("--fy %d: give the year the fiscal year starts in, like 2021", f.fy)
	}
	j.fy = f.fy
	j.force = f.force
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

func (j *settings) tabs() activity.Tabs {
	t := j.cfg.Tabs
	return activity.Tabs{Log: t.Log, Programs: t.Programs, Members: t.Members, Report: t.Report, Findings: t.Findings, Sent: t.Sent}
}

// open picks the backend: the local workbook when one is named, else the
// Google spreadsheet.
func (j *settings) open(ctx context.Context, e env) (book, error) {
	switch {
	case j.cfg.Workbook != "":
		wb := xlsx.OpenWorkbook(j.cfg.Workbook)
		wb.Force = j.force
		return wb, nil
	case j.cfg.SpreadsheetID != "":
		return openSheets(ctx, j, e)
	}
	return nil, errors.New("no spreadsheet: pass --workbook FILE.xlsx, or set workbook or spreadsheet_id in katsudo.yaml")
}

// clerk is the use case on the book with these settings: the year
// --fy names, else the year being filed; Slack when a bot token or a
// webhook is set, its requests through client (nil: the bot's own).
func (j *settings) clerk(b book, log *slog.Logger, client *http.Client) *clerk.Clerk {
	c := &clerk.Clerk{Config: j.cfg, Book: b, Year: j.fy, Log: log}
	c.Schedules, _ = clerk.ParseSchedules(j.cfg) // config.Load checked them: an error leaves every message released
	if j.cfg.SlackBotToken != "" || j.cfg.SlackWebhookURL != "" {
		c.Slack = func() clerk.Messenger {
			return bot.New(bot.Options{
				Token: j.cfg.SlackBotToken, WebhookURL: j.cfg.SlackWebhookURL, APIURL: j.cfg.SlackAPIURL,
				Channel: j.cfg.SlackChannel, Location: j.cfg.Location, Logger: log, HTTPClient: client,
			})
		}
	}
	return c
}

// logger is the run's logger.
func (j *settings) logger(e env) *slog.Logger {
	if j.log != nil {
		return j.log
	}
	return slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
}
