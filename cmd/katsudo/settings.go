package main

import (
	"context"
	"flag"
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

// commandFlags are the shared flags each command takes: only those it
// uses, so that its --help lists nothing it would ignore.
var commandFlags = map[string][]string{
	"check":   {"config", "workbook", "now", "fy", "format", "unit"},
	"report":  {"config", "workbook", "now", "fy", "format", "unit", "force"},
	"remind":  {"config", "workbook", "now", "force"},
	"summary": {"config", "workbook", "now", "force"},
	"run":     {"config", "workbook", "now", "force"},
	"serve":   {"config", "workbook", "now", "force"},
	"doctor":  {"config", "workbook"},
}

// newFlagSet is the flag set of a command that reads the config: the
// shared flags it uses (commandFlags); the command adds its own.
func newFlagSet(name string, e env, f *flags) *flag.FlagSet {
	fs := flagSet(name, e)
	for _, flagName := range commandFlags[name] {
		switch flagName {
		case "config":
			fs.StringVar(&f.config, "config", "", e.say("設定ファイル（既定：あれば katsudo.yaml）", "config file (default katsudo.yaml when it exists)"))
		case "workbook":
			fs.StringVar(&f.workbook, "workbook", "", e.say("Google スプレッドシートの代わりに使うローカルの .xlsx", "a local .xlsx to work on instead of Google Sheets"))
		case "now":
			fs.StringVar(&f.now, "now", "", e.say("この時刻として動きます：RFC 3339（2022-05-10T10:00:00+09:00）か日付（2022-05-10、設定のタイムゾーンでその日の始まり）。既定：現在", "act as if it were this moment: RFC 3339 (2022-05-10T10:00:00+09:00) or a date (2022-05-10, the start of that day in the configured timezone); default: now"))
		case "fy":
			fs.IntVar(&f.fy, "fy", 0, e.say("まとめる年度（始まる年で指定）。既定：提出する年度（提出期限までは前年度、その後は今年度）", "fiscal year to compile, by the year it starts in (default: the year being filed — last year until its filing deadline, then the current one)"))
		case "format":
			fs.StringVar(&f.format, "format", "text", e.say("出力形式：text か json", "output format: text or json"))
		case "unit":
			fs.StringVar(&f.unit, "unit", "", e.say("金額の単位：yen か sen（千円）。既定：設定のとおり", "report money in yen or sen (千円); default from the config"))
		case "force":
			fs.BoolVar(&f.force, "force", false, e.say("ローカルのブックが読み取り専用でも、Excel や LibreOffice で開かれていても書き込みます（クラッシュで残ったロックファイルのとき）", "write the local workbook even when it is read-only or Excel/LibreOffice has it open (a lock file left by a crash)"))
		}
	}
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
	if err := parseFlags(fs, e, args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, e.extra(fs.Arg(0))
	}
	cfg, err := loadConfig(e, f.config, f.config != "")
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
		return nil, e.usagef("--unit %q：yen か sen を指定してください", "--unit %q: use yen or sen", f.unit)
	}
	j := &settings{cfg: cfg, lang: activity.Lang(cfg.Language)}
	switch f.format {
	case "", "text":
	case "json":
		j.json = true
	default:
		return nil, e.usagef("--format %q：text か json を指定してください", "--format %q: use text or json", f.format)
	}
	j.now, err = parseNow(e, f.now, cfg.Location)
	if err != nil {
		return nil, err
	}
	if f.fy != 0 && (f.fy < 1900 || f.fy > 2199) {
		return nil, e.usagef("--fy %d：年度の始まる年を 2021 のように指定してください", "--fy %d: give the year the fiscal year starts in, like 2021", f.fy)
	}
	j.fy = f.fy
	j.force = f.force
	return j, nil
}

// loadConfig loads the config at path (katsudo.yaml when ""; required
// when named) and has its secrets scrubbed from everything katsudo prints.
func loadConfig(e env, path string, required bool) (config.Config, error) {
	if path == "" {
		path = "katsudo.yaml"
	}
	cfg, err := config.Load(path, required, e.getenv)
	if e.scrub != nil {
		e.scrub.Add(cfg.Secrets()...)
	}
	return cfg, err
}

// parseNow reads --now: an RFC 3339 moment, or a plain date (2022-05-10),
// which means the start of that day in the organisation's time zone.
func parseNow(e env, s string, loc *time.Location) (time.Time, error) {
	if s == "" {
		return time.Now(), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if loc == nil {
		loc = time.UTC
	}
	if t, err := time.ParseInLocation(time.DateOnly, s, loc); err == nil {
		return t, nil
	}
	return time.Time{}, e.usagef("--now %q：2022-05-10 のような日付か、2022-04-15T10:00:00+09:00 のような RFC 3339 で指定してください", "--now %q: use a date like 2022-05-10, or RFC 3339 like 2022-04-15T10:00:00+09:00", s)
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
	return nil, e.usagef("スプレッドシートが指定されていません：--workbook FILE.xlsx を付けるか、katsudo.yaml に workbook か spreadsheet_id を書いてください", "no spreadsheet: pass --workbook FILE.xlsx, or set workbook or spreadsheet_id in katsudo.yaml")
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
