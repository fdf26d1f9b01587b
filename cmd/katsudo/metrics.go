package main

import "github.com/katsudo-npo/katsudo/promtext"

// metrics are the numbers serve shows at /metrics, in Prometheus's text
// format (promtext): how often each job ran and failed, the requests made
// to Google and Slack, the messages sent, and the findings of the last
// report. They are counts and labels only — job names, message kinds, API
// methods, severities — never a name or a cell.
type metrics struct{ *promtext.Registry }

func (m *metrics) add(name string, v float64, kv ...string) { m.Add(name, v, kv...) }
func (m *metrics) set(name string, v float64, kv ...string) { m.Set(name, v, kv...) }
func (m *metrics) get(name string, kv ...string) float64    { return m.Get(name, kv...) }

// The metrics katsudo exports.
const (
	mJobRuns       = "katsudo_job_runs_total"
	mJobFailures   = "katsudo_job_failures_total"
	mJobSuccess    = "katsudo_job_last_success_timestamp_seconds"
	mJobDuration   = "katsudo_job_last_duration_seconds"
	mAPIRequests   = "katsudo_api_requests_total"
	mSent          = "katsudo_slack_messages_sent_total"
	mRecovered     = "katsudo_slack_messages_recovered_total"
	mUndeliverable = "katsudo_slack_undeliverable_total"
	mFindings      = "katsudo_findings"
	mLockHeld      = "katsudo_lock_held"
	mHeartbeatFail = "katsudo_heartbeat_failures_total"
)

// newMetrics returns every metric katsudo exports, with no values yet.
func newMetrics() *metrics {
	return &metrics{promtext.New([]promtext.Metric{
		{Name: mJobRuns, Type: "counter", Help: "Jobs started, by job."},
		{Name: mJobFailures, Type: "counter", Help: "Jobs that ended in an error, by job."},
		{Name: mJobSuccess, Type: "gauge", Help: "When each job last succeeded (Unix time)."},
		{Name: mJobDuration, Type: "gauge", Help: "How long each job's last run took."},
		{Name: mAPIRequests, Type: "counter", Help: "Requests to Google Sheets (reads and writes of the spreadsheet), to Slack's Web API by method, and heartbeat pings."},
		{Name: mSent, Type: "counter", Help: "Slack messages sent, by kind."},
		{Name: mRecovered, Type: "counter", Help: "Slack messages an interrupted run had sent, found in Slack and recorded, by kind."},
		{Name: mUndeliverable, Type: "counter", Help: "Slack messages that could not go out (a member Slack cannot reach, a channel the app is not in); katsudo doctor says which."},
		{Name: mFindings, Type: "gauge", Help: "Findings of the last report, by severity."},
		{Name: mLockHeld, Type: "gauge", Help: "1 while this process holds the lock and runs the jobs, 0 while it waits for another katsudo."},
		{Name: mHeartbeatFail, Type: "counter", Help: "Heartbeat pings that failed."},
	}...)}
}
