package config

import (
	"fmt"
	"log/slog"
	"strconv"
	"strings"
)

// LogValue presents the settings to slog. Secrets, and the heartbeat URL
// that works like one, appear only as "set" or "unset".
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(c.attrs()...)
}

// String presents the settings on one line as key=value pairs, the secrets
// only as "set" or "unset".
func (c Config) String() string {
	var b strings.Builder
	var write func(prefix string, attrs []slog.Attr)
	write = func(prefix string, attrs []slog.Attr) {
		for _, a := range attrs {
			if a.Value.Kind() == slog.KindGroup {
				write(prefix+a.Key+".", a.Value.Group())
				continue
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(prefix + a.Key + "=")
			if a.Value.Kind() == slog.KindString {
				b.WriteString(strconv.Quote(a.Value.String()))
			} else {
				b.WriteString(a.Value.String())
			}
		}
	}
	write("", c.attrs())
	return b.String()
}

// GoString keeps %#v from printing the secrets.
func (c Config) GoString() string {
	return fmt.Sprintf("config.Config{%s}", c)
}

func (c Config) attrs() []slog.Attr {
	return []slog.Attr{
		slog.String("source", c.Source),
		slog.String("organization", c.Organization),
		slog.String("spreadsheet_id", c.SpreadsheetID),
		slog.String("workbook", c.Workbook),
		slog.String("google_credentials_file", c.GoogleCredentialsFile),
		slog.String("slack_channel", c.SlackChannel),
		slog.Bool("slack_mentions", c.SlackMentions),
		slog.String("timezone", c.Timezone),
		slog.Int("fiscal_year_start_month", int(c.FiscalYearStartMonth)),
		slog.Int("deadline_day", c.DeadlineDay),
		slog.Int("filing_reminder_days", c.FilingReminderDays),
		slog.String("language", c.Language),
		slog.String("unit", c.Unit),
		slog.String("staff_basis", c.StaffBasis),
		slog.Group("tabs",
			slog.String("log", c.Tabs.Log),
			slog.String("programs", c.Tabs.Programs),
			slog.String("members", c.Tabs.Members),
			slog.String("report", c.Tabs.Report),
			slog.String("findings", c.Tabs.Findings),
			slog.String("sent", c.Tabs.Sent),
		),
		slog.Group("schedule",
			slog.String("remind", c.Schedule.Remind),
			slog.String("summary", c.Schedule.Summary),
			slog.String("report", c.Schedule.Report),
		),
		slog.String("listen", c.Listen),
		slog.String("heartbeat_url", setOrUnset(c.HeartbeatURL)),
		slog.String("log_format", c.LogFormat),
		slog.String("lock_file", c.LockFile),
		slog.String("slack_bot_token", setOrUnset(c.SlackBotToken)),
		slog.String("slack_webhook_url", setOrUnset(c.SlackWebhookURL)),
		slog.String("slack_app_token", setOrUnset(c.SlackAppToken)),
		slog.String("slack_signing_secret", setOrUnset(c.SlackSigningSecret)),
		slog.String("sheets_endpoint", c.SheetsEndpoint),
		slog.String("slack_api_url", c.SlackAPIURL),
	}
}

func setOrUnset(secret string) string {
	if secret == "" {
		return "unset"
	}
	return "set"
}
