package config_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/config"
)

func TestDefault(t *testing.T) {
	got := config.Default()
	want := config.Config{
		Timezone:             "Asia/Tokyo",
		Location:             MustLocation(t, "Asia/Tokyo"),
		FiscalYearStartMonth: time.April,
		DeadlineDay:          5,
		FilingReminderDays:   30,
		Language:             "ja",
		Unit:                 "yen",
		StaffBasis:           "distinct",
		Tabs:                 config.Tabs{Log: "活動ログ", Programs: "事業", Members: "会員", Report: "事業報告書", Findings: "チェック", Sent: "送信履歴"},
		Schedule:             config.Schedule{Remind: "0 10 * * *", Summary: "0 9 1 * *", Report: "0 3 * * *"},
		Listen:               "127.0.0.1:8080",
		LogFormat:            "text",
	}
	if diff := cmp.Diff(want, got, sameLocation); diff != "" {
		t.Errorf("Default() mismatch (-want +got):\n%s", diff)
	}
}

func TestLoad_NoFile(t *testing.T) {
	t.Run("MissingNotRequired", func(t *testing.T) {
		t.Chdir(t.TempDir())
		got, err := config.Load("katsudo.yaml", false, getenv(map[string]string{"KATSUDO_DEADLINE_DAY": "10"}))
		if err != nil {
			t.Fatal(err)
		}
		want := config.Default()
		want.DeadlineDay = 10
		if diff := cmp.Diff(want, got, sameLocation); diff != "" {
			t.Errorf("mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("EmptyPath", func(t *testing.T) {
		got, err := config.Load("", true, nil)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(config.Default(), got, sameLocation); diff != "" {
			t.Errorf("mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("ErrMissingRequired", func(t *testing.T) {
		t.Chdir(t.TempDir())
		_, err := config.Load("nope.yaml", true, getenv(english(nil)))
		if got, want := errText(err), "read config: open nope.yaml: no such file or directory"; got != want {
			t.Errorf("error = %q, want %q", got, want)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("error %v is not fs.ErrNotExist", err)
		}
	})
	t.Run("ErrDirectory", func(t *testing.T) {
		t.Chdir(t.TempDir())
		if err := os.Mkdir("conf", 0o700); err != nil {
			t.Fatal(err)
		}
		_, err := config.Load("conf", false, getenv(english(nil)))
		if got, want := errText(err), "read config: read conf: is a directory"; got != want {
			t.Errorf("error = %q, want %q", got, want)
		}
	})
}

func TestLoad_EmptyFile(t *testing.T) {
	for _, content := range []string{"", "\n\n", "# only a comment\n", "---\n", "~\n", "\ufeff"} {
		got := MustLoad(t, content, nil)
		if diff := cmp.Diff(defaults(), got, sameLocation); diff != "" {
			t.Errorf("Load(%q) mismatch (-want +got):\n%s", content, diff)
		}
	}
}

// TestLoad_Precedence sets every key in the file, overrides some in the
// environment, and leaves none at its default.
func TestLoad_Precedence(t *testing.T) {
	const file = `
organization: 特定非営利活動法人 テスト
spreadsheet_id: https://docs.google.com/spreadsheets/d/1AbC-xyz_09/edit#gid=0
workbook: log.xlsx
google_credentials_file: /etc/katsudo/sa.json
slack_channel: "#katsudo"
slack_mentions: true
timezone: UTC
fiscal_year_start_month: 1
deadline_day: 10
filing_reminder_days: 14
language: en
unit: sen
staff_basis: total
tabs:
  log: Log
  programs: Programs
  members: Members
  report: Report
  findings: Findings
  sent: Sent
schedule:
  remind: "30 9 * * 1-5"
  summary: "0 8 2 * *"
  report: "@daily"
listen: ":9090"
heartbeat_url: https://hc-ping.com/abc
log_format: JSON
lock_file: run/katsudo.lock
`
	env := map[string]string{
		"KATSUDO_ORGANIZATION":           "  環境の法人  ",
		"KATSUDO_DEADLINE_DAY":           "20",
		"KATSUDO_TABS_LOG":               "活動",
		"KATSUDO_SCHEDULE_REMIND":        "0 11 * * *",
		"KATSUDO_SLACK_MENTIONS":         "false",
		"KATSUDO_TIMEZONE":               "",              // empty: the file's value stays
		"GOOGLE_APPLICATION_CREDENTIALS": "/ignored.json", // the file names one
		"SLACK_BOT_TOKEN":                "xoxb-1-secret",
		"SLACK_WEBHOOK_URL":              "https://hooks.slack.com/services/T/B/secret",
		"KATSUDO_SHEETS_ENDPOINT":        "http://127.0.0.1:9000/",
		"KATSUDO_SLACK_API_URL":          "http://127.0.0.1:9001/api/",
	}
	got := MustLoad(t, file, env)
	want := config.Config{
		Organization:          "環境の法人",
		SpreadsheetID:         "1AbC-xyz_09",
		Workbook:              "log.xlsx",
		GoogleCredentialsFile: "/etc/katsudo/sa.json",
		SlackChannel:          "#katsudo",
		SlackMentions:         false,
		Timezone:              "UTC",
		Location:              time.UTC,
		FiscalYearStartMonth:  time.January,
		DeadlineDay:           20,
		FilingReminderDays:    14,
		Language:              "en",
		Unit:                  "sen",
		StaffBasis:            "total",
		Tabs:                  config.Tabs{Log: "活動", Programs: "Programs", Members: "Members", Report: "Report", Findings: "Findings", Sent: "Sent"},
		Schedule:              config.Schedule{Remind: "0 11 * * *", Summary: "0 8 2 * *", Report: "@daily"},
		Listen:                ":9090",
		HeartbeatURL:          "https://hc-ping.com/abc",
		LogFormat:             "json",
		LockFile:              "run/katsudo.lock",
		SlackBotToken:         "xoxb-1-secret",
		SlackWebhookURL:       "https://hooks.slack.com/services/T/B/secret",
		SheetsEndpoint:        "http://127.0.0.1:9000/",
		SlackAPIURL:           "http://127.0.0.1:9001/api/",
		Source:                "katsudo.yaml",
	}
	if diff := cmp.Diff(want, got, sameLocation); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

// TestLoad_EnvEveryKey sets each key through its KATSUDO_ variable alone.
func TestLoad_EnvEveryKey(t *testing.T) {
	tests := []struct {
		key, env, value string
		want            func(*config.Config)
	}{
		{"organization", "KATSUDO_ORGANIZATION", "NPO", func(c *config.Config) { c.Organization = "NPO" }},
		{"spreadsheet_id", "KATSUDO_SPREADSHEET_ID", "abc", func(c *config.Config) { c.SpreadsheetID = "abc" }},
		{"workbook", "KATSUDO_WORKBOOK", "data/log.xlsx", func(c *config.Config) { c.Workbook = "data/log.xlsx" }},
		{"google_credentials_file", "KATSUDO_GOOGLE_CREDENTIALS_FILE", "sa.json", func(c *config.Config) { c.GoogleCredentialsFile = "sa.json" }},
		{"slack_channel", "KATSUDO_SLACK_CHANNEL", "C0123ABCD", func(c *config.Config) { c.SlackChannel = "C0123ABCD" }},
		{"slack_mentions", "KATSUDO_SLACK_MENTIONS", "true", func(c *config.Config) { c.SlackMentions = true }},
		{"timezone", "KATSUDO_TIMEZONE", "Europe/Paris", func(c *config.Config) {
			c.Timezone, c.Location = "Europe/Paris", MustLocation(t, "Europe/Paris")
		}},
		{"fiscal_year_start_month", "KATSUDO_FISCAL_YEAR_START_MONTH", "10", func(c *config.Config) { c.FiscalYearStartMonth = time.October }},
		{"deadline_day", "KATSUDO_DEADLINE_DAY", "28", func(c *config.Config) { c.DeadlineDay = 28 }},
		{"filing_reminder_days", "KATSUDO_FILING_REMINDER_DAYS", "0", func(c *config.Config) { c.FilingReminderDays = 0 }},
		{"language", "KATSUDO_LANGUAGE", "en", func(c *config.Config) { c.Language = "en" }},
		{"unit", "KATSUDO_UNIT", "sen", func(c *config.Config) { c.Unit = "sen" }},
		{"staff_basis", "KATSUDO_STAFF_BASIS", "total", func(c *config.Config) { c.StaffBasis = "total" }},
		{"tabs.log", "KATSUDO_TABS_LOG", "L", func(c *config.Config) { c.Tabs.Log = "L" }},
		{"tabs.programs", "KATSUDO_TABS_PROGRAMS", "P", func(c *config.Config) { c.Tabs.Programs = "P" }},
		{"tabs.members", "KATSUDO_TABS_MEMBERS", "M", func(c *config.Config) { c.Tabs.Members = "M" }},
		{"tabs.report", "KATSUDO_TABS_REPORT", "R", func(c *config.Config) { c.Tabs.Report = "R" }},
		{"tabs.findings", "KATSUDO_TABS_FINDINGS", "F", func(c *config.Config) { c.Tabs.Findings = "F" }},
		{"tabs.sent", "KATSUDO_TABS_SENT", "S", func(c *config.Config) { c.Tabs.Sent = "S" }},
		{"schedule.remind", "KATSUDO_SCHEDULE_REMIND", "0 12 * * *", func(c *config.Config) { c.Schedule.Remind = "0 12 * * *" }},
		{"schedule.summary", "KATSUDO_SCHEDULE_SUMMARY", "0 12 1 * *", func(c *config.Config) { c.Schedule.Summary = "0 12 1 * *" }},
		{"schedule.report", "KATSUDO_SCHEDULE_REPORT", "0 4 * * *", func(c *config.Config) { c.Schedule.Report = "0 4 * * *" }},
		{"listen", "KATSUDO_LISTEN", "0.0.0.0:80", func(c *config.Config) { c.Listen = "0.0.0.0:80" }},
		{"heartbeat_url", "KATSUDO_HEARTBEAT_URL", "http://example.org/ping", func(c *config.Config) { c.HeartbeatURL = "http://example.org/ping" }},
		{"log_format", "KATSUDO_LOG_FORMAT", "json", func(c *config.Config) { c.LogFormat = "json" }},
		{"lock_file", "KATSUDO_LOCK_FILE", "/run/katsudo/lock", func(c *config.Config) { c.LockFile = "/run/katsudo/lock" }},
	}
	var keys []string
	for _, tt := range tests {
		keys = append(keys, tt.key)
		t.Run(tt.key, func(t *testing.T) {
			if got := config.EnvName(tt.key); got != tt.env {
				t.Errorf("EnvName(%q) = %q, want %q", tt.key, got, tt.env)
			}
			got, err := config.Load("", false, getenv(map[string]string{tt.env: tt.value}))
			if err != nil {
				t.Fatal(err)
			}
			want := config.Default()
			tt.want(&want)
			if diff := cmp.Diff(want, got, sameLocation); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
	if diff := cmp.Diff(keys, config.Keys()); diff != "" {
		t.Errorf("this test and Keys() disagree (-test +Keys):\n%s", diff)
	}
}

func TestLoad_GoogleCredentials(t *testing.T) {
	tests := []struct {
		name string
		file string
		env  map[string]string
		want string
	}{
		{"None", "", nil, ""},
		{"ApplicationDefault", "", map[string]string{"GOOGLE_APPLICATION_CREDENTIALS": "/adc.json"}, "/adc.json"},
		{"FileWins", "google_credentials_file: /file.json\n", map[string]string{"GOOGLE_APPLICATION_CREDENTIALS": "/adc.json"}, "/file.json"},
		{"KatsudoEnvWins", "google_credentials_file: /file.json\n", map[string]string{
			"GOOGLE_APPLICATION_CREDENTIALS":  "/adc.json",
			"KATSUDO_GOOGLE_CREDENTIALS_FILE": "/env.json",
		}, "/env.json"},
		{"EmptyInFile", `google_credentials_file: ""` + "\n", map[string]string{"GOOGLE_APPLICATION_CREDENTIALS": "/adc.json"}, "/adc.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MustLoad(t, tt.file, tt.env).GoogleCredentialsFile; got != tt.want {
				t.Errorf("GoogleCredentialsFile = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLoad_Paths checks that paths in the file start from the file's folder,
// so that cron or systemd can start katsudo anywhere.
func TestLoad_Paths(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "etc")
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(sub, "katsudo.yaml")
	tests := []struct {
		name, file  string
		env         map[string]string
		wantBook    string
		wantCredits string
	}{
		{"RelativeInFile", "workbook: log.xlsx\ngoogle_credentials_file: keys/sa.json\n", nil,
			filepath.Join(sub, "log.xlsx"), filepath.Join(sub, "keys/sa.json")},
		{"AbsoluteInFile", "workbook: /data/log.xlsx\n", nil, "/data/log.xlsx", ""},
		{"HomeInFile", "workbook: ~/log.xlsx\n", map[string]string{"HOME": "/home/npo"}, "/home/npo/log.xlsx", ""},
		{"RelativeInEnv", "", map[string]string{"KATSUDO_WORKBOOK": "log.xlsx", "KATSUDO_GOOGLE_CREDENTIALS_FILE": "sa.json"}, "log.xlsx", "sa.json"},
		{"ApplicationDefaultAsIs", "", map[string]string{"GOOGLE_APPLICATION_CREDENTIALS": "sa.json"}, "", "sa.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := os.WriteFile(path, []byte(tt.file), 0o600); err != nil {
				t.Fatal(err)
			}
			got, err := config.Load(path, true, getenv(tt.env))
			if err != nil {
				t.Fatal(err)
			}
			if got.Workbook != tt.wantBook || got.GoogleCredentialsFile != tt.wantCredits {
				t.Errorf("Workbook, GoogleCredentialsFile = %q, %q, want %q, %q", got.Workbook, got.GoogleCredentialsFile, tt.wantBook, tt.wantCredits)
			}
			if got.Source != path {
				t.Errorf("Source = %q, want %q", got.Source, path)
			}
		})
	}
	t.Run("LockFileRelativeInFile", func(t *testing.T) {
		if err := os.WriteFile(path, []byte("lock_file: katsudo.lock\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := config.Load(path, true, nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := filepath.Join(sub, "katsudo.lock"); got.LockFile != want {
			t.Errorf("LockFile = %q, want %q", got.LockFile, want)
		}
	})
}

// TestLoad_Values checks the forms each key accepts besides the canonical
// one, and that an empty value leaves the default.
func TestLoad_Values(t *testing.T) {
	tests := []struct {
		name, file string
		want       func(*config.Config)
	}{
		{"Trimmed", `organization: "  NPO  "`, func(c *config.Config) { c.Organization = "NPO" }},
		{"EmptyKeepsDefault", "timezone: \"\"\ndeadline_day:\nlanguage: ~\ntabs:\nschedule: {}\n", func(*config.Config) {}},
		{"ChannelName", `slack_channel: "#katsudo-report"`, func(c *config.Config) { c.SlackChannel = "#katsudo-report" }},
		{"ChannelNameWithoutHash", `slack_channel: katsudo`, func(c *config.Config) { c.SlackChannel = "#katsudo" }},
		{"ChannelJapanese", `slack_channel: "#事務局"`, func(c *config.Config) { c.SlackChannel = "#事務局" }},
		{"ChannelPrivateID", `slack_channel: G01ABCDEF9`, func(c *config.Config) { c.SlackChannel = "G01ABCDEF9" }},
		{"ChannelHashComment", "slack_channel: # where summaries go\n", func(*config.Config) {}},
		{"BoolYes", `slack_mentions: yes`, func(c *config.Config) { c.SlackMentions = true }},
		{"BoolOn", `slack_mentions: "ON"`, func(c *config.Config) { c.SlackMentions = true }},
		{"BoolOff", `slack_mentions: off`, func(c *config.Config) { c.SlackMentions = false }},
		{"MonthLeadingZero", `fiscal_year_start_month: 04`, func(c *config.Config) { c.FiscalYearStartMonth = time.April }},
		{"QuotedNumber", `deadline_day: "7"`, func(c *config.Config) { c.DeadlineDay = 7 }},
		{"LanguageUpper", `language: EN`, func(c *config.Config) { c.Language = "en" }},
		{"LanguageJapanese", `language: 日本語`, func(c *config.Config) { c.Language = "ja" }},
		{"UnitSenJapanese", `unit: 千円`, func(c *config.Config) { c.Unit = "sen" }},
		{"UnitYenJapanese", `unit: 円`, func(c *config.Config) { c.Unit = "yen" }},
		{"StaffTotalJapanese", `staff_basis: 延べ`, func(c *config.Config) { c.StaffBasis = "total" }},
		{"StaffDistinctJapanese", `staff_basis: 実人員`, func(c *config.Config) { c.StaffBasis = "distinct" }},
		{"CronDescriptor", "schedule:\n  report: \"@midnight\"", func(c *config.Config) { c.Schedule.Report = "@midnight" }},
		{"CronNames", "schedule:\n  remind: \"0 10 * * MON-FRI\"", func(c *config.Config) { c.Schedule.Remind = "0 10 * * MON-FRI" }},
		{"ListenIPv6", `listen: "[::1]:9090"`, func(c *config.Config) { c.Listen = "[::1]:9090" }},
		{"ListenLocalhost", `listen: localhost:8081`, func(c *config.Config) { c.Listen = "localhost:8081" }},
		{"WorkbookUpperCase", `workbook: /data/LOG.XLSX`, func(c *config.Config) { c.Workbook = "/data/LOG.XLSX" }},
		{"Anchor", "tabs:\n  report: &r 報告\nschedule:\n  remind: &s \"0 8 * * *\"\n  report: *s\n", func(c *config.Config) {
			c.Tabs.Report = "報告"
			c.Schedule.Remind, c.Schedule.Report = "0 8 * * *", "0 8 * * *"
		}},
		{"ByteOrderMark", "\ufefforganization: NPO\n", func(c *config.Config) { c.Organization = "NPO" }},
		{"WindowsLineEnds", "organization: NPO\r\ndeadline_day: 9\r\n", func(c *config.Config) { c.Organization, c.DeadlineDay = "NPO", 9 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MustLoad(t, tt.file, nil)
			want := defaults()
			tt.want(&want)
			if diff := cmp.Diff(want, got, sameLocation); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}
