// Package heartbeat pings the organisation's monitoring service (a
// healthchecks.io check, an Uptime Kuma push monitor, a cron monitor)
// after each run that succeeded, so that a katsudo that stopped running
// is noticed by its silence rather than by a missed filing.
package heartbeat

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"
)

// Timeout bounds one ping: a slow monitoring service must not
// hold up the jobs.
const Timeout = 10 * time.Second

// Pinger pings the organisation's monitoring URL (healthchecks.io and
// the like) after each successful run, so that a katsudo that stopped
// running is noticed by its silence. The URL often carries a secret
// token: it is never logged, and neither is an error that would name it.
type Pinger struct {
	URL    string
	Client *http.Client
	Log    *slog.Logger
	// Failed is called for each ping that did not get through (nil: none).
	Failed func()
}

// Ping sends one GET to the URL; a failure is logged and counted and
// changes nothing else.
func (h Pinger) Ping(ctx context.Context) {
	if h.URL == "" {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, h.URL, nil)
	if err != nil {
		h.failedWith(err)
		return
	}
	req.Header.Set("User-Agent", "katsudo")
	resp, err := h.Client.Do(req)
	if err != nil {
		h.failedWith(err)
		return
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
	resp.Body.Close()
	if resp.StatusCode >= 300 {
		h.count()
		h.Log.Warn("heartbeat ping refused", "status", resp.StatusCode)
		return
	}
	h.Log.Debug("heartbeat ping sent")
}

// failedWith logs and counts a ping that did not get through, without its URL.
func (h Pinger) failedWith(err error) {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // the rest of the message is the URL
	}
	h.count()
	h.Log.Warn("heartbeat ping failed", "err", err)
}

func (h Pinger) count() {
	if h.Failed != nil {
		h.Failed()
	}
}
