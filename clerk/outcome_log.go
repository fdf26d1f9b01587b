package clerk

import (
	"log/slog"
	"time"
)

// Log logs what a pass did, as the job named job, in counts only: no
// name, no cell. A pass that failed says what it did before it stopped;
// the caller logs the error.
func (out Outcome) Log(log *slog.Logger, job string, took time.Duration, failed bool) {
	attrs := []any{"job", job, "took", took.Round(time.Millisecond).String()}
	if out.Wrote {
		attrs = append(attrs, "report_written", true, "errors", out.Errors, "warnings", out.Warnings)
	}
	if out.Plan.Slack {
		attrs = append(attrs, "due", out.Due, "waiting_for_schedule", out.Held)
		if out.Held > 0 {
			attrs = append(attrs, "next_release", out.Next.Format(time.RFC3339))
		}
		attrs = append(attrs, "sent", len(out.Slack.Sent), "recovered", len(out.Slack.Recovered), "already_sent", out.Slack.Skipped,
			"sent_by_another", out.Slack.Busy, "unsettled", out.Slack.Unsettled)
	}
	msg := "pass done"
	if failed {
		msg = "pass stopped by an error"
	}
	log.Info(msg, attrs...)
	if out.NoSlack {
		log.Warn("messages are due but Slack is not set up: set SLACK_BOT_TOKEN (or SLACK_WEBHOOK_URL)", "job", job, "due", out.Due)
	}
	if n := len(out.Slack.Problems); n > 0 {
		log.Warn("some Slack messages could not be sent; `katsudo doctor` says which members and how to fix it", "job", job, "undeliverable", n)
	}
}
