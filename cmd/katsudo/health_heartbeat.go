package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/katsudo-npo/katsudo/timetable"
)

// heartbeatTimeout bounds one ping: a slow monitoring service must not
// hold up the jobs.
const heartbeatTimeout = 10 * time.Second

// heartbeat pings the organisation's monitoring URL (healthchecks.io and
// the like) after each successful run, so that a katsudo that stopped
// running is noticed by its silence. The URL often carries a secret
// token: it is never logged, and neither is an error that would name it.
type heartbeat struct {
	url    string
	client *http.Client
	log    *slog.Logger
	m      *metrics
}

// ping sends one GET to the URL; a failure is logged and counted and
// changes nothing else.
func (h heartbeat) ping(ctx context.Context) {
	if h.url == "" {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), heartbeatTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, h.url, nil)
	if err != nil {
		h.failed(err)
		return
	}
	req.Header.Set("User-Agent", "katsudo")
	resp, err := h.client.Do(req)
	if err != nil {
		h.failed(err)
		return
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
	resp.Body.Close()
	if resp.StatusCode >= 300 {
		h.m.add(mHeartbeatFail, 1)
		h.log.Warn("heartbeat ping refused", "status", resp.StatusCode)
		return
	}
	h.log.Debug("heartbeat ping sent")
}

// failed logs and counts a ping that did not get through, without its URL.
func (h heartbeat) failed(err error) {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // the rest of the message is the URL
	}
	h.m.add(mHeartbeatFail, 1)
	h.log.Warn("heartbeat ping failed", "err", err)
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
