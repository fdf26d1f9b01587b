package slacktest

import (
	"net/http"
	"time"
)

// Tier3 is Slack's Tier 3 rate limit, in calls a minute: the limit of
// conversations.history, the method that makes searching every
// conversation before every post too slow for an organisation's
// thousand reminders.
const Tier3 = 50

// rateLimit is one method's limit: at most perMinute calls in any
// sliding minute.
type rateLimit struct {
	perMinute int
	calls     []time.Time
}

// RateLimit holds a method to perMinute calls in any sliding minute, as
// Slack's tiers do (RateLimit("conversations.history", Tier3)); a call
// past it answers 429 with a Retry-After of the seconds until the oldest
// call in the window leaves it. perMinute 0 lifts the limit.
func (s *Server) RateLimit(method string, perMinute int) {
	s.with(func(w *workspace) {
		if w.limits == nil {
			w.limits = map[string]*rateLimit{}
		}
		if perMinute <= 0 {
			delete(w.limits, method)
			return
		}
		w.limits[method] = &rateLimit{perMinute: perMinute}
	})
}

// overLimit counts a call at now against its method's limit and reports
// whether it is over, setting Retry-After when it is.
func (ws *workspace) overLimit(method string, now time.Time, h http.Header) bool {
	l := ws.limits[method]
	if l == nil {
		return false
	}
	kept := l.calls[:0]
	for _, t := range l.calls {
		if now.Sub(t) < time.Minute {
			kept = append(kept, t)
		}
	}
	l.calls = kept
	if len(l.calls) >= l.perMinute {
		wait := time.Minute - now.Sub(l.calls[0])
		h.Set("Retry-After", itoa(max(1, int((wait+time.Second-1)/time.Second))))
		return true
	}
	l.calls = append(l.calls, now)
	return false
}

// dropConnection closes the client's connection without an answer.
func dropConnection(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("slacktest: the connection cannot be dropped")
	}
	conn, _, err := hj.Hijack()
	if err == nil {
		conn.Close()
	}
}
