package timetable

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/robfig/cron/v3"
)

// When /healthz calls a job unhealthy: it failed FailLimit times in a row
// (with the retries, within about an hour of a scheduled run), or it has
// not succeeded within OverdueGrace of the run its schedule last asked for
// (katsudo stuck, or the scheduler stopped firing).
const (
	FailLimit    = 3
	OverdueGrace = time.Hour
)

// Health is what serve knows about its jobs, for /healthz: when each last
// ran, succeeded and failed, by the clock the jobs run on. It is a
// Watcher of the scheduler.
type Health struct {
	mu      sync.Mutex
	clock   func() time.Time
	since   time.Time // when this process took the lock and began running jobs
	standby bool      // waiting for another katsudo to release the lock
	jobs    []*jobState
	links   []link
}

// link is something serve keeps up besides its jobs (Slack's Socket
// Mode): status says why it is down, nil while it is up.
type link struct {
	name   string
	status func() error
}

// jobState is one job's record.
type jobState struct {
	name     string
	spec     string        // the cron spec, "" for the start-up pass
	sched    cron.Schedule // nil for the start-up pass
	running  bool
	start    time.Time
	success  time.Time
	failure  time.Time
	failures int // in a row
}

// NewHealth returns a record on clock, in standby until Active is called.
func NewHealth(clock func() time.Time) *Health {
	return &Health{clock: clock, since: clock(), standby: true}
}

// Track adds a job; sched nil means it runs only when asked.
func (h *Health) Track(name, spec string, sched cron.Schedule) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.jobs = append(h.jobs, &jobState{name: name, spec: spec, sched: sched})
}

// Depend adds a link /healthz reports on, besides the jobs: when status
// says it is down, serve is unhealthy.
func (h *Health) Depend(name string, status func() error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.links = append(h.links, link{name: name, status: status})
}

// Active records that the process holds the lock and runs the jobs.
func (h *Health) Active() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.standby, h.since = false, h.clock()
}

// job is the named job's record; h.mu is held.
func (h *Health) job(name string) *jobState {
	for _, j := range h.jobs {
		if j.name == name {
			return j
		}
	}
	panic("health: unknown job " + name)
}

// Began records that a job started.
func (h *Health) Began(name string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	j := h.job(name)
	j.running, j.start = true, h.clock()
}

// Ended records how a job ended.
func (h *Health) Ended(_ context.Context, name string, err error, _ time.Duration, _ int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	j := h.job(name)
	j.running = false
	if err != nil {
		j.failure = h.clock()
		j.failures++
	} else {
		j.success = h.clock()
		j.failures = 0
	}
}

// HealthReport is the body of /healthz: how the jobs stand.
type HealthReport struct {
	Status string       `json:"status"` // ok, standby or unhealthy
	Time   time.Time    `json:"time"`
	Jobs   []JobReport  `json:"jobs"`
	Links  []LinkReport `json:"links,omitempty"`
}

// LinkReport is how one link stands: ok or down, and why.
type LinkReport struct {
	Name   string `json:"name"`
	Status string `json:"status"`
	Error  string `json:"error,omitempty"`
}

// JobReport is how one job stands.
type JobReport struct {
	Name            string     `json:"name"`
	Schedule        string     `json:"schedule,omitempty"`
	Status          string     `json:"status"` // ok, running, waiting, failing or overdue
	LastSuccess     *time.Time `json:"last_success,omitempty"`
	LastFailure     *time.Time `json:"last_failure,omitempty"`
	FailuresInARow  int        `json:"failures_in_a_row"`
	NextScheduledAt *time.Time `json:"next,omitempty"`
}

// Report says how the jobs stand at the clock's now.
func (h *Health) Report() HealthReport {
	h.mu.Lock()
	defer h.mu.Unlock()
	now := h.clock()
	r := HealthReport{Status: "ok", Time: now}
	if h.standby {
		r.Status = "standby"
	}
	for _, j := range h.jobs {
		jr := JobReport{Name: j.name, Schedule: j.spec, FailuresInARow: j.failures, Status: "waiting",
			LastSuccess: timeOrNil(j.success), LastFailure: timeOrNil(j.failure)}
		if !j.success.IsZero() {
			jr.Status = "ok"
		}
		if j.sched != nil && !h.standby {
			jr.NextScheduledAt = timeOrNil(j.sched.Next(now))
			due := j.sched.Next(latest(h.since, j.success))
			if !due.IsZero() && now.After(due.Add(OverdueGrace)) {
				jr.Status, r.Status = "overdue", "unhealthy"
			}
		}
		if j.failures >= FailLimit {
			jr.Status, r.Status = "failing", "unhealthy"
		}
		if j.running && jr.Status != "overdue" {
			jr.Status = "running"
		}
		r.Jobs = append(r.Jobs, jr)
	}
	for _, l := range h.links {
		lr := LinkReport{Name: l.name, Status: "ok"}
		if err := l.status(); err != nil && !h.standby {
			lr.Status, lr.Error, r.Status = "down", err.Error(), "unhealthy"
		}
		r.Links = append(r.Links, lr)
	}
	return r
}

// ServeHTTP answers /healthz: 200 while every job is well (or the process
// waits, healthy, for the lock), 503 when one has failed repeatedly or is
// overdue, or a link is down; the body says which, as JSON.
func (h *Health) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	r := h.Report()
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if r.Status == "unhealthy" {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(r)
}

// timeOrNil leaves a zero time out of the JSON.
func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// latest is the later of a and b.
func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// Now is the time on the jobs' clock.
func (h *Health) Now() time.Time { return h.clock() }
