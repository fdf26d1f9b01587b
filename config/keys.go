package config

import (
	"strings"
	"time"
)

// field is one key of katsudo.yaml: its name, what it accepts and how a
// value reaches Config.
type field struct {
	name string // dotted below its section: "tabs.log"
	want string // what a value must be, as error messages say after "expected"
	// wantJa is want in Japanese, as messages say before 「を指定してください」.
	wantJa string
	path   bool // a file path: read from the file, it is relative to the file's folder
	// secret marks a value that works like a password (the heartbeat URL
	// carries its check's token): messages about it never repeat it.
	secret bool
	// set stores v (trimmed, never empty) in c. It returns errBad when v is not
	// what want describes, or an error saying more precisely what is wrong.
	set func(c *Config, v string) error
}

const (
	tabWant    = `a tab name of at most 31 characters, without : \ / ? * [ ]`
	tabWantJa  = `31 文字以内で : \ / ? * [ ] を含まないタブ名`
	cronWant   = `a cron spec "minute hour day month weekday" such as "0 10 * * *"`
	cronWantJa = `"分 時 日 月 曜日" の cron 形式（例："0 10 * * *"）`
)

// fields lists every key katsudo.yaml accepts, in the template's order.
var fields = []field{
	{name: "organization", want: "the organisation's name", wantJa: "団体の名前", set: func(c *Config, v string) error {
		c.Organization = v
		return nil
	}},
	{name: "spreadsheet_id", want: "a spreadsheet ID or its URL (https://docs.google.com/spreadsheets/d/…)", wantJa: "スプレッドシートの ID か URL（https://docs.google.com/spreadsheets/d/…）", set: func(c *Config, v string) error {
		id, err := spreadsheetID(v)
		c.SpreadsheetID = id
		return err
	}},
	{name: "workbook", want: "the path of an Excel .xlsx file", wantJa: "Excel の .xlsx ファイルのパス", path: true, set: func(c *Config, v string) error {
		c.Workbook = v
		return checkWorkbook(v)
	}},
	{name: "google_credentials_file", want: "the path of a service-account JSON file", wantJa: "サービスアカウントの JSON ファイルのパス", path: true, set: func(c *Config, v string) error {
		c.GoogleCredentialsFile = v
		return nil
	}},
	{name: "slack_channel", want: `a channel ID (C0123ABCD) or a lowercase channel name ("#katsudo")`, wantJa: `チャンネル ID（C0123ABCD）か小文字のチャンネル名（"#katsudo"）`, set: func(c *Config, v string) error {
		ch, err := slackChannel(v)
		c.SlackChannel = ch
		return err
	}},
	{name: "slack_mentions", want: "true or false", wantJa: "true か false", set: func(c *Config, v string) error {
		b, err := parseBool(v)
		c.SlackMentions = b
		return err
	}},
	{name: "timezone", want: "a time zone name such as Asia/Tokyo", wantJa: "Asia/Tokyo のようなタイムゾーン名", set: func(c *Config, v string) error {
		loc, err := location(v)
		c.Timezone, c.Location = v, loc
		return err
	}},
	{name: "fiscal_year_start_month", want: "a month from 1 to 12", wantJa: "1 から 12 までの月", set: func(c *Config, v string) error {
		n, err := parseInt(v, 1, 12)
		c.FiscalYearStartMonth = time.Month(n)
		return err
	}},
	{name: "deadline_day", want: "a day of the month from 1 to 28", wantJa: "1 から 28 までの日にち", set: func(c *Config, v string) error {
		n, err := parseInt(v, 1, 28)
		c.DeadlineDay = n
		return err
	}},
	{name: "filing_reminder_days", want: "a number of days from 0 to 90", wantJa: "0 から 90 までの日数", set: func(c *Config, v string) error {
		n, err := parseInt(v, 0, 90)
		c.FilingReminderDays = n
		return err
	}},
	{name: "language", want: `"ja" or "en"`, wantJa: `"ja" か "en"`, set: func(c *Config, v string) error {
		s, err := oneOf(v, languages)
		c.Language = s
		return err
	}},
	{name: "unit", want: `"yen" (円) or "sen" (千円)`, wantJa: `"yen"（円）か "sen"（千円）`, set: func(c *Config, v string) error {
		s, err := oneOf(v, units)
		c.Unit = s
		return err
	}},
	{name: "staff_basis", want: `"distinct" (実人員) or "total" (延べ)`, wantJa: `"distinct"（実人員）か "total"（延べ）`, set: func(c *Config, v string) error {
		s, err := oneOf(v, staffBases)
		c.StaffBasis = s
		return err
	}},
	tab("tabs.log", func(c *Config) *string { return &c.Tabs.Log }),
	tab("tabs.programs", func(c *Config) *string { return &c.Tabs.Programs }),
	tab("tabs.members", func(c *Config) *string { return &c.Tabs.Members }),
	tab("tabs.report", func(c *Config) *string { return &c.Tabs.Report }),
	tab("tabs.findings", func(c *Config) *string { return &c.Tabs.Findings }),
	tab("tabs.sent", func(c *Config) *string { return &c.Tabs.Sent }),
	schedule("schedule.remind", func(c *Config) *string { return &c.Schedule.Remind }),
	schedule("schedule.summary", func(c *Config) *string { return &c.Schedule.Summary }),
	schedule("schedule.report", func(c *Config) *string { return &c.Schedule.Report }),
	{name: "listen", want: `host:port such as 127.0.0.1:8080 (":8080" for every interface)`, wantJa: `127.0.0.1:8080 のような ホスト:ポート（すべてのネットワークで受けるなら ":8080"）`, set: func(c *Config, v string) error {
		c.Listen = v
		return checkListen(v)
	}},
	{name: "heartbeat_url", want: "an http:// or https:// URL", wantJa: "http:// か https:// で始まる URL", secret: true, set: func(c *Config, v string) error {
		c.HeartbeatURL = v
		return checkHTTPURL(v)
	}},
	{name: "log_format", want: `"text" or "json"`, wantJa: `"text" か "json"`, set: func(c *Config, v string) error {
		s, err := oneOf(v, logFormats)
		c.LogFormat = s
		return err
	}},
	{name: "lock_file", want: "the path of a file katsudo may create and lock", wantJa: "katsudo が作ってロックできるファイルのパス", path: true, set: func(c *Config, v string) error {
		c.LockFile = v
		return nil
	}},
}

func tab(name string, at func(*Config) *string) field {
	return field{name: name, want: tabWant, wantJa: tabWantJa, set: func(c *Config, v string) error {
		*at(c) = v
		return checkTabName(v)
	}}
}

func schedule(name string, at func(*Config) *string) field {
	return field{name: name, want: cronWant, wantJa: cronWantJa, set: func(c *Config, v string) error {
		*at(c) = v
		return checkCron(v)
	}}
}

// Keys lists every key katsudo.yaml accepts, dotted below its section
// ("tabs.log"), in the order the template explains them.
func Keys() []string {
	keys := make([]string, len(fields))
	for i, f := range fields {
		keys[i] = f.name
	}
	return keys
}

// EnvName is the environment variable that sets key: KATSUDO_ and the key in
// upper case, dots as underscores (tabs.log → KATSUDO_TABS_LOG).
func EnvName(key string) string {
	return "KATSUDO_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

func lookup(name string) *field {
	for i := range fields {
		if fields[i].name == name {
			return &fields[i]
		}
	}
	return nil
}

// children lists the keys directly below prefix ("" for the top level,
// "tabs." for a section), sections by their own name.
func children(prefix string) []string {
	var names []string
	seen := map[string]bool{}
	for _, f := range fields {
		rest, ok := strings.CutPrefix(f.name, prefix)
		if !ok {
			continue
		}
		name, _, _ := strings.Cut(rest, ".")
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	return names
}

func isSection(name string) bool {
	return len(children(name+".")) > 0
}
