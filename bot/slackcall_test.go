package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/bot/slacktest"
)

// proxyPage is what a load balancer in front of Slack answers with when
// Slack behind it does not: HTML, not JSON.
const proxyPage = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>"

// TestSlackRetry follows the one retry policy (package retry) through
// the real slack-go client: 429 and the 5xx that mean "a bad moment" are
// tried again, as Slack asks; other answers are reported at once.
func TestSlackRetry(t *testing.T) {
	members := []*activity.Member{{Name: "会員001", Slack: "U001", Active: true}, {Name: "会員002", Slack: email(2), Active: true}}
	tests := []struct {
		name      string
		method    string
		faults    []slacktest.Fault
		wantCalls int
		wantWaits []time.Duration
		wantOK    bool
	}{
		{"429WaitsAsSlackAsks", "auth.test", []slacktest.Fault{{Status: 429, RetryAfter: 7}}, 2, []time.Duration{7 * time.Second}, true},
		{"500IsRetried", "auth.test", []slacktest.Fault{{Status: 500}}, 2, nil, true},
		{"502WithAnHTMLPageIsRetried", "auth.test", []slacktest.Fault{{Status: 502, Body: proxyPage}}, 2, nil, true},
		{"503IsRetried", "users.lookupByEmail", []slacktest.Fault{{Status: 503}}, 2, nil, true},
		{"504IsRetried", "users.info", []slacktest.Fault{{Status: 504}}, 2, nil, true},
		{"AnOutageEndsAfterThreeTries", "auth.test", []slacktest.Fault{{Status: 502, Body: proxyPage}, {Status: 502, Body: proxyPage}, {Status: 502, Body: proxyPage}}, 3, nil, false},
		{"501IsNotRetried", "auth.test", []slacktest.Fault{{Status: 501}}, 1, nil, false},
		{"404IsNotRetried", "auth.test", []slacktest.Fault{{Status: 404, Body: "<html>not found</html>"}}, 1, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := MustServer(t, 2)
			for i, f := range tt.faults {
				s.FailOn(tt.method, i+1, f)
			}
			c := &fakeClock{}
			problems := sender(s, c, nil).Check(context.Background(), members)
			if got := len(problems) == 0; got != tt.wantOK {
				t.Errorf("got problems %v, want none: %v", problems, tt.wantOK)
			}
			if got := s.CountCalls()[tt.method]; got != tt.wantCalls {
				t.Errorf("got %d %s calls, want %d", got, tt.method, tt.wantCalls)
			}
			if tt.wantWaits != nil && !equalWaits(c.waited, tt.wantWaits) {
				t.Errorf("got waits %v, want %v", c.waited, tt.wantWaits)
			}
			if len(c.waited) != tt.wantCalls-1 {
				t.Errorf("got %d waits for %d calls", len(c.waited), tt.wantCalls)
			}
			for _, p := range problems {
				if strings.Contains(p.Text.En, "<html") {
					t.Errorf("the proxy's page reached the problem: %s", p.Text.En)
				}
			}
		})
	}
}

// TestSlackRetry_WaitBudget stops waiting when the run's MaxWait is spent,
// and says it was Slack's rate limit.
func TestSlackRetry_WaitBudget(t *testing.T) {
	s := MustServer(t, 0)
	s.FailOn("auth.test", 1, slacktest.Fault{Status: 429, RetryAfter: 90})
	c := &fakeClock{}
	problems := sender(s, c, func(o *bot.Options) { o.MaxWait = time.Minute }).Check(context.Background(), nil)
	if len(problems) != 1 || len(c.waited) != 0 {
		t.Fatalf("got %v after waits %v, want one problem and no wait", problems, c.waited)
	}
	if !strings.Contains(problems[0].Text.En, "rate limit") {
		t.Errorf("got %q, want it to name the rate limit", problems[0].Text.En)
	}
}

func equalWaits(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
