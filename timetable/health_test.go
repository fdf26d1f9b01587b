package timetable_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/katsudo-npo/katsudo/timetable"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }
func (c *fakeClock) set(rfc3339 string)      { c.t = instant(rfc3339) }

// MustHealth returns a health record, active since now, tracking the
// default remind schedule, with its clock.
func MustHealth(tb testing.TB, now string) (*timetable.Health, *fakeClock) {
	tb.Helper()
	clock := &fakeClock{t: instant(now)}
	s, err := clerk.ParseSchedules(config.Default())
	if err != nil {
		tb.Fatal(err)
	}
	h := timetable.NewHealth(clock.now)
	h.Track("startup", "", nil)
	h.Track("remind", "0 10 * * *", s.Remind)
	h.Active()
	return h, clock
}

// getHealthz asks /healthz and returns the status code and the decoded body.
func getHealthz(tb testing.TB, h http.Handler) (int, timetable.HealthReport) {
	tb.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	var r timetable.HealthReport
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		tb.Fatalf("body is not JSON: %v\n%s", err, rec.Body)
	}
	return rec.Code, r
}

func TestHealth(t *testing.T) {
	ctx := context.Background()
	fail := errors.New("Google Sheets did not answer")
	t.Run("OKWithLastSuccess", func(t *testing.T) {
		h, clock := MustHealth(t, "2021-12-01T09:00:00+09:00")
		h.Began("startup")
		h.Ended(ctx, "startup", nil, 0, 0)
		clock.set("2021-12-01T10:00:00+09:00")
		h.Began("remind")
		h.Ended(ctx, "remind", nil, 0, 0)
		code, r := getHealthz(t, h)
		if code != http.StatusOK || r.Status != "ok" {
			t.Fatalf("code %d, status %q; want 200 ok", code, r.Status)
		}
		if r.Jobs[1].LastSuccess == nil || !r.Jobs[1].LastSuccess.Equal(instant("2021-12-01T10:00:00+09:00")) ||
			r.Jobs[1].NextScheduledAt == nil || !r.Jobs[1].NextScheduledAt.Equal(instant("2021-12-02T10:00:00+09:00")) {
			t.Errorf("remind = %+v", r.Jobs[1])
		}
	})
	t.Run("ALinkDownIsUnhealthy", func(t *testing.T) {
		h, _ := MustHealth(t, "2021-12-01T10:00:00+09:00")
		var down error
		h.Depend("slack-socket-mode", func() error { return down })
		if code, r := getHealthz(t, h); code != http.StatusOK || len(r.Links) != 1 || r.Links[0].Status != "ok" {
			t.Fatalf("code %d, links %+v; want 200 and the link ok", code, r.Links)
		}
		down = errors.New("invalid_auth")
		code, r := getHealthz(t, h)
		if code != http.StatusServiceUnavailable || r.Status != "unhealthy" || r.Links[0].Status != "down" || r.Links[0].Error != "invalid_auth" {
			t.Errorf("code %d, status %q, links %+v; want 503, unhealthy, the link down with its reason", code, r.Status, r.Links)
		}
	})
	t.Run("OneFailureIsNotYetUnhealthy", func(t *testing.T) {
		h, _ := MustHealth(t, "2021-12-01T10:00:00+09:00")
		h.Began("remind")
		h.Ended(ctx, "remind", fail, 0, 0)
		if code, r := getHealthz(t, h); code != http.StatusOK || r.Jobs[1].FailuresInARow != 1 {
			t.Errorf("code %d, remind %+v; want 200 and one failure", code, r.Jobs[1])
		}
	})
	t.Run("FailingRepeatedlyIs503", func(t *testing.T) {
		h, _ := MustHealth(t, "2021-12-01T10:00:00+09:00")
		for range timetable.FailLimit {
			h.Began("startup")
			h.Ended(ctx, "startup", fail, 0, 0)
		}
		code, r := getHealthz(t, h)
		if code != http.StatusServiceUnavailable || r.Status != "unhealthy" || r.Jobs[0].Status != "failing" {
			t.Fatalf("code %d, %+v; want 503 with startup failing", code, r)
		}
		h.Began("startup")
		h.Ended(ctx, "startup", nil, 0, 0)
		if code, _ := getHealthz(t, h); code != http.StatusOK {
			t.Errorf("after a success: code %d, want 200", code)
		}
	})
	t.Run("OverdueIs503", func(t *testing.T) {
		h, clock := MustHealth(t, "2021-12-01T09:00:00+09:00")
		clock.set("2021-12-01T10:59:00+09:00") // within the hour after 10:00
		if code, _ := getHealthz(t, h); code != http.StatusOK {
			t.Errorf("at 10:59: code %d, want 200", code)
		}
		clock.advance(2 * time.Minute) // 11:01, and remind never ran
		code, r := getHealthz(t, h)
		if code != http.StatusServiceUnavailable || r.Jobs[1].Status != "overdue" {
			t.Errorf("at 11:01: code %d, remind %+v; want 503 overdue", code, r.Jobs[1])
		}
	})
	t.Run("StuckJobIsOverdue", func(t *testing.T) {
		h, clock := MustHealth(t, "2021-12-01T09:00:00+09:00")
		clock.set("2021-12-01T10:00:00+09:00")
		h.Began("remind")
		clock.advance(timetable.OverdueGrace + time.Minute)
		if code, r := getHealthz(t, h); code != http.StatusServiceUnavailable || r.Jobs[1].Status != "overdue" {
			t.Errorf("code %d, remind %+v; want 503 overdue", code, r.Jobs[1])
		}
	})
	t.Run("StandbyIsHealthy", func(t *testing.T) {
		clock := &fakeClock{t: instant("2021-12-01T09:00:00+09:00")}
		s, _ := clerk.ParseSchedules(config.Default())
		h := timetable.NewHealth(clock.now)
		h.Track("remind", "0 10 * * *", s.Remind)
		clock.advance(48 * time.Hour) // another katsudo does the jobs
		if code, r := getHealthz(t, h); code != http.StatusOK || r.Status != "standby" {
			t.Errorf("code %d, status %q; want 200 standby", code, r.Status)
		}
	})
}
