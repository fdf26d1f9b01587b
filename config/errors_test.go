package config_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/config"
)

const topKeys = "organization, spreadsheet_id, workbook, google_credentials_file, slack_channel, slack_mentions, " +
	"timezone, fiscal_year_start_month, deadline_day, filing_reminder_days, language, unit, staff_basis, " +
	"tabs, schedule, listen, heartbeat_url, log_format, lock_file"

// TestLoad_Errors checks every problem Load reports, each with its exact
// message, in English (KATSUDO_LANGUAGE=en; TestLoad_ErrorsJapanese checks
// the Japanese).
func TestLoad_Errors(t *testing.T) {
	tests := []struct {
		name string
		file string
		env  map[string]string
		want string
	}{
		// The file as a whole.
		{"ErrNotUTF8", "organization: NPO\norganization_kana: \x83e\x83X\x83g\n", nil,
			"katsudo.yaml:2: found bytes that are not UTF-8 text, expected the file saved as UTF-8 (not Shift_JIS)"},
		{"ErrTabIndent", "tabs:\n\tlog: 活動ログ\n", nil,
			"katsudo.yaml:2: not valid YAML: found character that cannot start any token (indent with spaces, not tabs)"},
		{"ErrUnquotedAt", "organization: NPO\nslack_channel: @katsudo\n", nil,
			"katsudo.yaml:2: not valid YAML: found character that cannot start any token (put the value in quotes)"},
		{"ErrSyntaxFirstLine", "organization: a: b\n", nil,
			"katsudo.yaml:1: not valid YAML: mapping values are not allowed in this context"},
		{"ErrUnclosedQuote", "organization: NPO\nlisten: \"127.0.0.1:8080\n", nil,
			"katsudo.yaml:2: not valid YAML: found unexpected end of stream"},
		{"ErrSecondDocument", "organization: NPO\n---\norganization: other\n", nil,
			"katsudo.yaml:2: found a second YAML document (after ---), expected one"},
		{"ErrList", "- organization: NPO\n", nil,
			`katsudo.yaml:1: found a list, expected settings as "key: value" lines`},
		{"ErrScalar", "katsudo\n", nil,
			`katsudo.yaml:1: found "katsudo", expected settings as "key: value" lines`},

		// Keys.
		{"ErrUnknownKeyTypo", "organization: NPO\n\nspredsheet_id: abc\n", nil,
			`katsudo.yaml:3: unknown key "spredsheet_id" (did you mean "spreadsheet_id"?)`},
		{"ErrUnknownKeyCase", "Timezone: Asia/Tokyo\n", nil,
			`katsudo.yaml:1: unknown key "Timezone" (did you mean "timezone"?)`},
		{"ErrUnknownKeyHyphen", "deadline-day: 5\n", nil,
			`katsudo.yaml:1: unknown key "deadline-day" (did you mean "deadline_day"?)`},
		{"ErrUnknownKeyShort", "deadline: 5\n", nil,
			`katsudo.yaml:1: unknown key "deadline" (did you mean "deadline_day"?)`},
		{"ErrUnknownKeyAlias", "spreadsheet_url: https://docs.google.com/spreadsheets/d/abc/edit\n", nil,
			`katsudo.yaml:1: unknown key "spreadsheet_url" (did you mean "spreadsheet_id"?)`},
		{"ErrUnknownKeyFar", "colour: blue\n", nil,
			`katsudo.yaml:1: unknown key "colour" (known keys: ` + topKeys + `)`},
		{"ErrUnknownKeyInSection", "tabs:\n  log: 活動ログ\n  lgo: 活動\n", nil,
			`katsudo.yaml:3: unknown key "tabs.lgo" (did you mean "tabs.log"?)`},
		{"ErrUnknownKeyFarInSection", "schedule:\n  weekly: \"0 0 * * 0\"\n", nil,
			`katsudo.yaml:2: unknown key "schedule.weekly" (known keys in schedule: remind, summary, report)`},
		{"ErrKeyOutsideSection", "log: 活動ログ\n", nil,
			`katsudo.yaml:1: unknown key "log" (did you mean "tabs.log"?)`},
		{"ErrKeyOutsideSectionAmbiguous", "report: 報告\n", nil,
			`katsudo.yaml:1: unknown key "report" (did you mean "tabs.report" or "schedule.report"?)`},
		{"ErrDottedKey", "tabs.log: 活動ログ\n", nil,
			`katsudo.yaml:1: unknown key "tabs.log" (write "tabs:", and "log:" indented below it)`},
		{"ErrDuplicateKey", "deadline_day: 5\norganization: NPO\ndeadline_day: 6\n", nil,
			"katsudo.yaml:3: deadline_day: set twice (also on line 1), expected once"},
		{"ErrSectionNotMapping", "tabs: 活動ログ\n", nil,
			`katsudo.yaml:1: tabs: found "活動ログ", expected keys indented below it (log, programs, members, report, findings, sent)`},
		{"ErrSectionList", "schedule:\n  - \"0 10 * * *\"\n", nil,
			`katsudo.yaml:1: schedule: found a list, expected keys indented below it (remind, summary, report)`},
		{"ErrListForText", "listen:\n  - 127.0.0.1:8080\n", nil,
			`katsudo.yaml:1: listen: found a list, expected host:port such as 127.0.0.1:8080 (":8080" for every interface)`},
		{"ErrMapping", "organization:\n  name: NPO\n", nil,
			`katsudo.yaml:1: organization: found a mapping, expected the organisation's name`},
		{"ErrChannelReadAsComment", "slack_channel: #katsudo  # summaries\n", nil,
			`katsudo.yaml:1: slack_channel: found nothing, because YAML reads "#katsudo" as a comment; expected the name in quotes: slack_channel: "#katsudo"`},

		// Values in the file.
		{"ErrSpreadsheetIDChars", "spreadsheet_id: 活動ログ 2021\n", nil,
			`katsudo.yaml:1: spreadsheet_id: found "活動ログ 2021", expected a spreadsheet ID or its URL (https://docs.google.com/spreadsheets/d/…)`},
		{"ErrSpreadsheetDocument", "spreadsheet_id: https://docs.google.com/document/d/abc/edit\n", nil,
			`katsudo.yaml:1: spreadsheet_id: found "https://docs.google.com/document/d/abc/edit", expected a spreadsheet ID or its URL (https://docs.google.com/spreadsheets/d/…): not a Google Sheets URL`},
		{"ErrSpreadsheetDrive", "spreadsheet_id: https://drive.google.com/open?id=abc\n", nil,
			`katsudo.yaml:1: spreadsheet_id: found "https://drive.google.com/open?id=abc", expected a spreadsheet ID or its URL (https://docs.google.com/spreadsheets/d/…): not a Google Sheets URL`},
		{"ErrSpreadsheetNoID", "spreadsheet_id: https://docs.google.com/spreadsheets/u/0/\n", nil,
			`katsudo.yaml:1: spreadsheet_id: found "https://docs.google.com/spreadsheets/u/0/", expected a spreadsheet ID or its URL (https://docs.google.com/spreadsheets/d/…): the URL has no spreadsheet ID (…/spreadsheets/d/<ID>/…)`},
		{"ErrSpreadsheetPublished", "spreadsheet_id: https://docs.google.com/spreadsheets/d/e/2PACX-1vQ/pubhtml\n", nil,
			`katsudo.yaml:1: spreadsheet_id: found "https://docs.google.com/spreadsheets/d/e/2PACX-1vQ/pubhtml", expected a spreadsheet ID or its URL (https://docs.google.com/spreadsheets/d/…): a published-to-the-web link does not name the spreadsheet; copy the address bar while editing it`},
		{"ErrSpreadsheetBadIDInURL", "spreadsheet_id: https://docs.google.com/spreadsheets/d/a%20b/edit\n", nil,
			`katsudo.yaml:1: spreadsheet_id: found "https://docs.google.com/spreadsheets/d/a%20b/edit", expected a spreadsheet ID or its URL (https://docs.google.com/spreadsheets/d/…)`},
		{"ErrWorkbookNotXLSX", "workbook: 活動ログ.xls\n", nil,
			`katsudo.yaml:1: workbook: found "活動ログ.xls", expected the path of an Excel .xlsx file`},
		{"ErrChannelUpperCase", "slack_channel: \"#Katsudo\"\n", nil,
			`katsudo.yaml:1: slack_channel: found "#Katsudo", expected a channel ID (C0123ABCD) or a lowercase channel name ("#katsudo")`},
		{"ErrChannelSpace", "slack_channel: 活動 報告\n", nil,
			`katsudo.yaml:1: slack_channel: found "活動 報告", expected a channel ID (C0123ABCD) or a lowercase channel name ("#katsudo")`},
		{"ErrChannelHashOnly", "slack_channel: \"#\"\n", nil,
			`katsudo.yaml:1: slack_channel: found "#", expected a channel ID (C0123ABCD) or a lowercase channel name ("#katsudo")`},
		{"ErrMentions", "slack_mentions: maybe\n", nil,
			`katsudo.yaml:1: slack_mentions: found "maybe", expected true or false`},
		{"ErrTimezone", "timezone: Asia/Tokio\n", nil,
			`katsudo.yaml:1: timezone: found "Asia/Tokio", expected a time zone name such as Asia/Tokyo`},
		{"ErrTimezoneJST", "timezone: JST\n", nil,
			`katsudo.yaml:1: timezone: found "JST", expected a time zone name such as Asia/Tokyo: JST is not a zone name; write Asia/Tokyo`},
		{"ErrTimezoneLocal", "timezone: Local\n", nil,
			`katsudo.yaml:1: timezone: found "Local", expected a time zone name such as Asia/Tokyo: the machine's own zone differs between machines; name it`},
		{"ErrMonthTooBig", "fiscal_year_start_month: 13\n", nil,
			`katsudo.yaml:1: fiscal_year_start_month: found "13", expected a month from 1 to 12`},
		{"ErrMonthZero", "fiscal_year_start_month: 0\n", nil,
			`katsudo.yaml:1: fiscal_year_start_month: found "0", expected a month from 1 to 12`},
		{"ErrMonthName", "fiscal_year_start_month: April\n", nil,
			`katsudo.yaml:1: fiscal_year_start_month: found "April", expected a month from 1 to 12`},
		{"ErrDeadlineDay29", "deadline_day: 29\n", nil,
			`katsudo.yaml:1: deadline_day: found "29", expected a day of the month from 1 to 28`},
		{"ErrDeadlineDayFloat", "deadline_day: 5.5\n", nil,
			`katsudo.yaml:1: deadline_day: found "5.5", expected a day of the month from 1 to 28`},
		{"ErrFilingDaysNegative", "filing_reminder_days: -1\n", nil,
			`katsudo.yaml:1: filing_reminder_days: found "-1", expected a number of days from 0 to 90`},
		{"ErrFilingDaysTooMany", "filing_reminder_days: 91\n", nil,
			`katsudo.yaml:1: filing_reminder_days: found "91", expected a number of days from 0 to 90`},
		{"ErrLanguage", "language: fr\n", nil,
			`katsudo.yaml:1: language: found "fr", expected "ja" or "en"`},
		{"ErrUnit", "unit: 万円\n", nil,
			`katsudo.yaml:1: unit: found "万円", expected "yen" (円) or "sen" (千円)`},
		{"ErrStaffBasis", "staff_basis: average\n", nil,
			`katsudo.yaml:1: staff_basis: found "average", expected "distinct" (実人員) or "total" (延べ)`},
		{"ErrTabSlash", "tabs:\n  report: 事業報告書/2021\n", nil,
			`katsudo.yaml:2: tabs.report: found "事業報告書/2021", expected a tab name of at most 31 characters, without : \ / ? * [ ]`},
		{"ErrTabTooLong", "tabs:\n  log: " + strings.Repeat("活", 32) + "\n", nil,
			`katsudo.yaml:2: tabs.log: found "` + strings.Repeat("活", 32) + `", expected a tab name of at most 31 characters, without : \ / ? * [ ]`},
		{"ErrTabsShareName", "tabs:\n  report: 活動ログ\n", nil,
			`katsudo.yaml:2: tabs.report: found "活動ログ", the name of tabs.log too; expected a name no other tab uses`},
		{"ErrTabsShareNameBothSet", "tabs:\n  log: Log\n  sent: log\n", nil,
			`katsudo.yaml:3: tabs.sent: found "log", the name of tabs.log too; expected a name no other tab uses`},
		{"ErrTabsShareNameFirstSet", "tabs:\n  programs: 送信履歴\n", nil,
			`katsudo.yaml:2: tabs.programs: found "送信履歴", the name of tabs.sent too; expected a name no other tab uses`},
		{"ErrCronFields", "schedule:\n  remind: \"0 10 * *\"\n", nil,
			`katsudo.yaml:2: schedule.remind: found "0 10 * *", expected a cron spec "minute hour day month weekday" such as "0 10 * * *": expected exactly 5 fields, found 4: [0 10 * *]`},
		{"ErrCronSeconds", "schedule:\n  remind: \"0 0 10 * * *\"\n", nil,
			`katsudo.yaml:2: schedule.remind: found "0 0 10 * * *", expected a cron spec "minute hour day month weekday" such as "0 10 * * *": expected exactly 5 fields, found 6: [0 0 10 * * *]`},
		{"ErrCronRange", "schedule:\n  summary: \"0 25 1 * *\"\n", nil,
			`katsudo.yaml:2: schedule.summary: found "0 25 1 * *", expected a cron spec "minute hour day month weekday" such as "0 10 * * *": end of range (25) above maximum (23): 25`},
		{"ErrCronNever", "schedule:\n  report: \"0 3 31 2 *\"\n", nil,
			`katsudo.yaml:2: schedule.report: found "0 3 31 2 *", expected a cron spec "minute hour day month weekday" such as "0 10 * * *": that date never comes`},
		{"ErrCronTimeZone", "schedule:\n  report: \"CRON_TZ=UTC 0 3 * * *\"\n", nil,
			`katsudo.yaml:2: schedule.report: found "CRON_TZ=UTC 0 3 * * *", expected a cron spec "minute hour day month weekday" such as "0 10 * * *": the zone comes from the timezone key; remove the TZ= part`},
		{"ErrCronTooOften", "schedule:\n  remind: \"@every 10s\"\n", nil,
			`katsudo.yaml:2: schedule.remind: found "@every 10s", expected a cron spec "minute hour day month weekday" such as "0 10 * * *": more often than once a minute`},
		{"ErrCronDescriptor", "schedule:\n  remind: \"@weekdays\"\n", nil,
			`katsudo.yaml:2: schedule.remind: found "@weekdays", expected a cron spec "minute hour day month weekday" such as "0 10 * * *": unrecognized descriptor: @weekdays`},
		{"ErrListenPortOnly", "listen: 8080\n", nil,
			`katsudo.yaml:1: listen: found "8080", expected host:port such as 127.0.0.1:8080 (":8080" for every interface)`},
		{"ErrListenBadPort", "listen: 127.0.0.1:http\n", nil,
			`katsudo.yaml:1: listen: found "127.0.0.1:http", expected host:port such as 127.0.0.1:8080 (":8080" for every interface)`},
		{"ErrListenPortRange", "listen: 127.0.0.1:70000\n", nil,
			`katsudo.yaml:1: listen: found "127.0.0.1:70000", expected host:port such as 127.0.0.1:8080 (":8080" for every interface)`},
		{"ErrHeartbeatScheme", "heartbeat_url: ftp://example.org/ping\n", nil,
			`katsudo.yaml:1: heartbeat_url: found something else (not shown: it works like a password), expected an http:// or https:// URL`},
		{"ErrLogFormat", "log_format: yaml\n", nil,
			`katsudo.yaml:1: log_format: found "yaml", expected "text" or "json"`},
		{"ErrHeartbeatNoHost", "heartbeat_url: hc-ping.com/abc\n", nil,
			`katsudo.yaml:1: heartbeat_url: found something else (not shown: it works like a password), expected an http:// or https:// URL`},

		// The environment.
		{"ErrEnvDeadlineDay", "", map[string]string{"KATSUDO_DEADLINE_DAY": "５"},
			`KATSUDO_DEADLINE_DAY: found "５", expected a day of the month from 1 to 28`},
		{"ErrEnvCron", "", map[string]string{"KATSUDO_SCHEDULE_SUMMARY": "every month"},
			`KATSUDO_SCHEDULE_SUMMARY: found "every month", expected a cron spec "minute hour day month weekday" such as "0 10 * * *": expected exactly 5 fields, found 2: [every month]`},
		{"ErrEnvTimezone", "", map[string]string{"KATSUDO_TIMEZONE": "Tokyo"},
			`KATSUDO_TIMEZONE: found "Tokyo", expected a time zone name such as Asia/Tokyo`},
		{"ErrEnvSpreadsheet", "", map[string]string{"KATSUDO_SPREADSHEET_ID": "https://example.org/spreadsheets/d/abc"},
			`KATSUDO_SPREADSHEET_ID: found "https://example.org/spreadsheets/d/abc", expected a spreadsheet ID or its URL (https://docs.google.com/spreadsheets/d/…): not a Google Sheets URL`},
		{"ErrEnvTabsShareName", "", map[string]string{"KATSUDO_TABS_FINDINGS": "会員"},
			`KATSUDO_TABS_FINDINGS: found "会員", the name of tabs.members too; expected a name no other tab uses`},
		{"ErrEnvSheetsEndpoint", "", map[string]string{"KATSUDO_SHEETS_ENDPOINT": "localhost:9000"},
			`KATSUDO_SHEETS_ENDPOINT: found "localhost:9000", expected an http:// or https:// URL`},
		{"ErrEnvSlackAPIURL", "", map[string]string{"KATSUDO_SLACK_API_URL": "/api/"},
			`KATSUDO_SLACK_API_URL: found "/api/", expected an http:// or https:// URL`},
		{"ErrBadFileAndEnv", "deadline_day: 40\n", map[string]string{"KATSUDO_DEADLINE_DAY": "41"},
			"katsudo.yaml:1: deadline_day: found \"40\", expected a day of the month from 1 to 28\n" +
				`KATSUDO_DEADLINE_DAY: found "41", expected a day of the month from 1 to 28`},
		{"ErrEvery", "organization: [a]\nlanguag: en\nunit: 円\nschedule:\n  remind: x\n", map[string]string{"KATSUDO_LISTEN": "x"},
			"katsudo.yaml:1: organization: found a list, expected the organisation's name\n" +
				`katsudo.yaml:2: unknown key "languag" (did you mean "language"?)` + "\n" +
				`katsudo.yaml:5: schedule.remind: found "x", expected a cron spec "minute hour day month weekday" such as "0 10 * * *": expected exactly 5 fields, found 1: [x]` + "\n" +
				`KATSUDO_LISTEN: found "x", expected host:port such as 127.0.0.1:8080 (":8080" for every interface)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := load(t, tt.file, english(tt.env))
			if got, want := errText(err), tt.want; got != want {
				t.Errorf("error:\n got %s\nwant %s", got, want)
			}
			if diff := cmp.Diff(config.Config{}, got, sameLocation); diff != "" {
				t.Errorf("Config on error is not the zero value (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLoad_ErrorFields checks that callers such as doctor can tell where
// each problem is without parsing the message.
func TestLoad_ErrorFields(t *testing.T) {
	_, err := load(t, "organization: NPO\ndeadline_day: 31\n", map[string]string{"KATSUDO_LANGUAGE": "de"})
	var got []config.Error
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var ce *config.Error
		if !errors.As(e, &ce) {
			t.Fatalf("%v is not a *config.Error", e)
		}
		got = append(got, *ce)
	}
	want := []config.Error{
		{File: "katsudo.yaml", Line: 2, Key: "deadline_day", Msg: `deadline_day: found "31", expected a day of the month from 1 to 28`,
			Ja: `deadline_day: "31" が指定されていますが、1 から 28 までの日にちを指定してください`, Lang: "ja"},
		{Env: "KATSUDO_LANGUAGE", Key: "language", Msg: `found "de", expected "ja" or "en"`,
			Ja: `"de" が指定されていますが、"ja" か "en" を指定してください`, Lang: "ja"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}
