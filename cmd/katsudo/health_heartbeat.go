package main

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	beat "github.com/katsudo-npo/katsudo/heartbeat"
	"github.com/katsudo-npo/katsudo/timetable"
)

// heartbeatTimeout bounds one ping (beat.Timeout).
const heartbeatTimeout = beat.Timeout

// heartbeat pings the monitoring URL after each successful run
// (heartbeat.Pinger), counting the pings that fail.
type heartbeat struct {
	url    string
	client *http.Client
	log    *slog.Logger
	m      *metrics
}

func (h heartbeat) ping(ctx context.Context) {
	beat.Pinger{URL: h.url, Client: h.client, Log: h.log, Failed: func() { h.m.add(mHeartbeatFail, 1) }}.Ping(ctx)
}

// jobWatch is told of each run of serve's jobs (timetable.Watcher): it
// keeps /healthz and /metrics, and pings the heartbeat after a success.
type jobWatch struct {
	h  *timetable.Health
	m  *metrics
	hb heartbeat
}

// Began records that a job started.
func (w *jobWatch) Began(name string) {
	w.h.Began(name)
	w.m.add(mJobRuns, 1, "job", name)
}

// Ended records how a run ended.
func (w *jobWatch) Ended(ctx context.Context, name string, err error, took time.Duration, n int) {
	w.h.Ended(ctx, name, err, took, n)
	w.m.set(mJobDuration, took.Seconds(), "job", name)
	if err != nil {
		w.m.add(mJobFailures, 1, "job", name)
		return
	}
	w.m.set(mJobSuccess, float64(w.h.Now().Unix()), "job", name)
	w.hb.ping(ctx)
}
