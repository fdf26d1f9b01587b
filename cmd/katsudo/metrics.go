package main

import (
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	stdsync "sync"
)

// metrics are the numbers serve shows at /metrics, in Prometheus's text
// format: how often each job ran and failed, the requests made to Google
// and Slack, the messages sent, and the findings of the last report. They
// are counts and labels only — job names, message kinds, API methods,
// severities — never a name or a cell.
type metrics struct {
	mu       stdsync.Mutex
	families []*family
	byName   map[string]*family
}

// family is one metric with all its label sets.
type family struct {
	name, help, typ string
	values          map[string]float64 // rendered labels → value
}

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
	m := &metrics{byName: map[string]*family{}}
	for _, f := range []family{
		{name: mJobRuns, typ: "counter", help: "Jobs started, by job."},
		{name: mJobFailures, typ: "counter", help: "Jobs that ended in an error, by job."},
		{name: mJobSuccess, typ: "gauge", help: "When each job last succeeded (Unix time)."},
		{name: mJobDuration, typ: "gauge", help: "How long each job's last run took."},
		{name: mAPIRequests, typ: "counter", help: "Requests to Google Sheets (reads and writes of the spreadsheet), to Slack's Web API by method, and heartbeat pings."},
		{name: mSent, typ: "counter", help: "Slack messages sent, by kind."},
		{name: mRecovered, typ: "counter", help: "Slack messages an interrupted run had sent, found in Slack and recorded, by kind."},
		{name: mUndeliverable, typ: "counter", help: "Slack messages that could not go out (a member Slack cannot reach, a channel the app is not in); katsudo doctor says which."},
		{name: mFindings, typ: "gauge", help: "Findings of the last report, by severity."},
		{name: mLockHeld, typ: "gauge", help: "1 while this process holds the lock and runs the jobs, 0 while it waits for another katsudo."},
		{name: mHeartbeatFail, typ: "counter", help: "Heartbeat pings that failed."},
	} {
		f.values = map[string]float64{}
		m.families = append(m.families, &f)
		m.byName[f.name] = &f
	}
	return m
}

// labels renders label pairs ("job", "report") as {job="report"}.
func labels(kv ...string) string {
	if len(kv) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteByte('{')
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		v := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(kv[i+1])
		fmt.Fprintf(&b, `%s="%s"`, kv[i], v)
	}
	b.WriteByte('}')
	return b.String()
}

// add adds v to the metric with the labels.
func (m *metrics) add(name string, v float64, kv ...string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.byName[name].values[labels(kv...)] += v
}

// set sets the metric with the labels to v.
func (m *metrics) set(name string, v float64, kv ...string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.byName[name].values[labels(kv...)] = v
}

// get returns the metric's value with the labels (for tests and health).
func (m *metrics) get(name string, kv ...string) float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.byName[name].values[labels(kv...)]
}

// WriteTo writes every metric in the Prometheus text exposition format.
func (m *metrics) WriteTo(w io.Writer) (int64, error) {
	m.mu.Lock()
	var b strings.Builder
	for _, f := range m.families {
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n", f.name, f.help, f.name, f.typ)
		keys := make([]string, 0, len(f.values))
		for k := range f.values {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "%s%s %s\n", f.name, k, strconv.FormatFloat(f.values[k], 'f', -1, 64))
		}
	}
	m.mu.Unlock()
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// ServeHTTP answers /metrics.
func (m *metrics) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	m.WriteTo(w)
}
