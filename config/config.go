// Package config holds katsudo's settings: what the organisation is called,
// where its activity log lives, which Slack channel hears about it, when
// reminders and summaries go out, and the secrets to reach Google and Slack.
//
// Settings come from katsudo.yaml and from KATSUDO_* environment variables,
// the environment winning; secrets come from the environment only. Every
// value is checked when katsudo starts, so a typo stops it with the file,
// the line and what was expected, never halfway through a run.
package config

import (
	"sync"
	"time"
	_ "time/tzdata" // Asia/Tokyo must load on machines without zoneinfo.
)

// Config is everything the setup member decides about one organisation's
// katsudo: the spreadsheet, the Slack channel, the fiscal calendar, the
// report's presentation and the schedule. Load fills it from the file and
// the environment and guarantees every field is valid; Default gives the
// values used for anything left unset.
type Config struct {
	// Organization is the organisation's name (法人名), printed on the report.
	Organization string
	// SpreadsheetID is the Google spreadsheet holding the tabs, as the bare ID
	// even when the setting was the whole browser URL.
	SpreadsheetID string
	// Workbook is a local .xlsx file used instead of Google Sheets; when it is
	// set it takes precedence over SpreadsheetID.
	Workbook string
	// GoogleCredentialsFile is the service-account JSON katsudo signs in to
	// Google with; empty means Application Default Credentials.
	GoogleCredentialsFile string
	// SlackChannel is where summaries, escalations and filing reminders go:
	// a channel ID (C0123ABCD, G0123ABCD) or a name with its # (#katsudo).
	SlackChannel string
	// SlackMentions makes the deadline-day escalation mention the members
	// still outstanding instead of only naming them.
	SlackMentions bool
	// Timezone is the IANA name of the zone every schedule, month boundary
	// and deadline is computed in; Location is that zone, loaded.
	Timezone string
	Location *time.Location
	// FiscalYearStartMonth is the first month of the fiscal year (事業年度).
	FiscalYearStartMonth time.Month
	// DeadlineDay is the day of the following month by which a month's log
	// entries are due; reminders repeat until then.
	DeadlineDay int
	// FilingReminderDays is how many days before the prefecture's filing
	// deadline for the 事業報告書 the channel starts being reminded.
	FilingReminderDays int
	// Language is "ja" or "en", for Slack messages and findings.
	Language string
	// Unit is how the report prints amounts: "yen" (円) or "sen" (千円, the
	// official template's unit).
	Unit string
	// StaffBasis is how the report counts 従事者: "distinct" people (実人員)
	// or "total" person-days (延べ).
	StaffBasis string
	// Tabs names the spreadsheet's tabs.
	Tabs Tabs
	// Schedule says when serve runs each job.
	Schedule Schedule
	// Listen is the host:port where serve answers /healthz and /metrics.
	Listen string
	// HeartbeatURL, when set, is pinged after each successful run so that a
	// silent stop is noticed (healthchecks.io and the like).
	HeartbeatURL string
	// LogFormat is how run and serve write their logs: "text" (one
	// key=value line per event) or "json" (one JSON object per line, for
	// Cloud Logging and the like).
	LogFormat string
	// LockFile is the file run and serve lock so that two katsudo
	// processes on one machine never work on the spreadsheet at once; empty
	// means one in the user's cache folder named after the spreadsheet.
	LockFile string

	// SlackBotToken is the Slack bot token (xoxb-…), from SLACK_BOT_TOKEN;
	// DMs need it.
	SlackBotToken string
	// SlackWebhookURL is a Slack incoming webhook, from SLACK_WEBHOOK_URL;
	// enough for the channel summary alone.
	SlackWebhookURL string
	// SlackAppToken is the app-level token (xapp-…) from SLACK_APP_TOKEN:
	// serve then takes members' requests (logging from Slack) over
	// Socket Mode.
	SlackAppToken string
	// SlackSigningSecret is the app's signing secret from
	// SLACK_SIGNING_SECRET: serve then takes members' requests over HTTP,
	// on its listener, and checks each request's signature with it.
	SlackSigningSecret string
	// SheetsEndpoint overrides the Google Sheets API endpoint, from
	// KATSUDO_SHEETS_ENDPOINT; for emulators and tests.
	SheetsEndpoint string
	// SlackAPIURL overrides the Slack Web API URL, from KATSUDO_SLACK_API_URL;
	// for emulators and tests.
	SlackAPIURL string

	// Source is the file the settings were read from, "" when none was.
	Source string
}

// Tabs are the names of the spreadsheet's tabs. katsudo reads the first three
// and writes only the last three.
type Tabs struct {
	Log      string // 活動ログ: one row per activity, written by members
	Programs string // 事業: the catalogue the report is built on
	Members  string // 会員: members and their Slack accounts
	Report   string // 事業報告書: the compiled report, written by katsudo
	Findings string // チェック: every problem found, written by katsudo
	Sent     string // 送信履歴: every Slack message sent, written by katsudo
}

// Schedule holds the standard five-field cron specs (minute hour day month
// weekday, in Config.Timezone) on which serve runs each job.
type Schedule struct {
	Remind  string // DMs about missing or incomplete entries
	Summary string // the monthly summary in the channel
	Report  string // recompiling the report and findings tabs
}

const defaultTimezone = "Asia/Tokyo"

var tokyo = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation(defaultTimezone)
	if err != nil {
		panic("config: embedded time zone data lacks " + defaultTimezone + ": " + err.Error())
	}
	return loc
})

// Default returns the settings katsudo uses when neither the file nor the
// environment says otherwise: a fiscal year starting in April, entries due on
// the 5th, Japanese messages, the Japanese tab names and Tokyo time.
func Default() Config {
	return Config{
		Timezone:             defaultTimezone,
		Location:             tokyo(),
		FiscalYearStartMonth: time.April,
		DeadlineDay:          5,
		FilingReminderDays:   30,
		Language:             "ja",
		Unit:                 "yen",
		StaffBasis:           "distinct",
		Tabs: Tabs{
			Log:      "活動ログ",
			Programs: "事業",
			Members:  "会員",
			Report:   "事業報告書",
			Findings: "チェック",
			Sent:     "送信履歴",
		},
		Schedule: Schedule{
			Remind:  "0 10 * * *",
			Summary: "0 9 1 * *",
			Report:  "0 3 * * *",
		},
		Listen:    "127.0.0.1:8080",
		LogFormat: "text",
	}
}
