package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	stdsync "sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/timetable"
)

// syncBuffer is a log that a running katsudo writes while the test reads.
type syncBuffer struct {
	mu stdsync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// serving is a katsudo serve running in the test.
type serving struct {
	log    *syncBuffer
	addr   string
	cancel context.CancelFunc
	exit   chan int
}

// MustServe starts katsudo serve with args and the environment, and
// waits until it listens (its JSON log names the address).
func MustServe(tb testing.TB, environ map[string]string, args ...string) *serving {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &serving{log: &syncBuffer{}, cancel: cancel, exit: make(chan int, 1)}
	e := env{getenv: func(k string) string { return environ[k] }, stdout: s.log, stderr: s.log}
	go func() {
		s.exit <- runEnv(ctx, e, append([]string{"serve", "--log-format", "json", "--listen", "127.0.0.1:0"}, args...))
	}()
	tb.Cleanup(func() {
		cancel()
		<-s.exit
	})
	eventually(tb, "serve listening", func() bool {
		for _, line := range strings.Split(s.log.String(), "\n") {
			var l struct{ Msg, Addr string }
			if json.Unmarshal([]byte(line), &l) == nil && l.Msg == "katsudo serve listening" {
				s.addr = l.Addr
				return true
			}
		}
		select {
		case code := <-s.exit:
			tb.Fatalf("serve exited %d:\n%s", code, s.log)
		default:
		}
		return false
	})
	return s
}

// get fetches a path from the serve's listener.
func (s *serving) get(tb testing.TB, path string) (int, string) {
	tb.Helper()
	resp, err := http.Get("http://" + s.addr + path)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// health returns /healthz decoded.
func (s *serving) health(tb testing.TB) (int, timetable.HealthReport) {
	tb.Helper()
	code, body := s.get(tb, "/healthz")
	var r timetable.HealthReport
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		tb.Fatalf("/healthz: %v\n%s", err, body)
	}
	return code, r
}

// stop sends the equivalent of SIGTERM and returns the exit status and
// how long serve took to exit.
func (s *serving) stop(tb testing.TB) (int, time.Duration) {
	tb.Helper()
	start := time.Now()
	s.cancel()
	select {
	case code := <-s.exit:
		s.exit <- code // for the cleanup
		return code, time.Since(start)
	case <-time.After(60 * time.Second):
		tb.Fatalf("serve did not stop within 60s\n%s", s.log)
	}
	return 0, 0
}

// eventually polls cond until it holds, failing after a bound generous
// enough for any machine.
func eventually(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("%s: not after 30s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestServe runs katsudo serve against a local workbook and the fake
// Slack (bot/slacktest), on a clock started 5 seconds before midnight of
// November 30, 2021, with every job scheduled at midnight: the start-up
// pass catches up what was missed, the midnight jobs send November's
// summary and reminders, each once, and SIGTERM stops it with status 0.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	wb := MustSlackWorkbook(t, dir, 4)
	slack, environ := MustSlack(t, 4)
	var pings atomic.Int32
	hb := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { pings.Add(1) }))
	defer hb.Close()
	environ["KATSUDO_SCHEDULE_REPORT"] = "0 0 * * *"
	environ["KATSUDO_SCHEDULE_REMIND"] = "0 0 * * *"
	environ["KATSUDO_SCHEDULE_SUMMARY"] = "0 0 1 * *"
	environ["KATSUDO_LOCK_FILE"] = filepath.Join(dir, "katsudo.lock")
	environ["KATSUDO_HEARTBEAT_URL"] = hb.URL + "/ping/secret-uuid"

	s := MustServe(t, environ, "--workbook", wb, "--now", "2021-11-30T23:59:55+09:00", "--grace", "5s")
	eventually(t, "start-up pass", func() bool {
		_, r := s.health(t)
		return r.Jobs[0].LastSuccess != nil
	})
	caughtUp := len(slack.Posts())
	if caughtUp == 0 {
		t.Errorf("the start-up pass sent nothing; October's summary and its late reminder were due")
	}
	eventually(t, "the midnight jobs", func() bool {
		_, r := s.health(t)
		return r.Jobs[1].LastSuccess != nil && r.Jobs[2].LastSuccess != nil && r.Jobs[3].LastSuccess != nil
	})
	posted := postedKeys(slack)
	for _, k := range []string{"summary/2021-11/channel/2021-12-01", "reminder/2021-11/会員001/2021-12-01", "reminder/2021-11/会員004/2021-12-01"} {
		if posted[k] != 1 {
			t.Errorf("%s posted %d times, want once", k, posted[k])
		}
	}
	recorded := sentKeys(t, wb)
	for k, n := range posted {
		if n != 1 || recorded[k] == "" {
			t.Errorf("%s: %d in Slack, recorded ts %q", k, n, recorded[k])
		}
	}
	if got := len(slack.Posts()) - caughtUp; got != 5 {
		t.Errorf("the midnight jobs posted %d messages, want 5 (the summary and 4 DMs)", got)
	}

	code, r := s.health(t)
	if code != http.StatusOK || r.Status != "ok" {
		t.Errorf("/healthz: %d %+v", code, r)
	}
	_, metrics := s.get(t, "/metrics")
	for _, want := range []string{
		`katsudo_job_runs_total{job="remind"} 1`,
		`katsudo_slack_messages_sent_total{kind="reminder"}`,
		`katsudo_api_requests_total{api="slack",call="chat.postMessage"} ` + strconv.Itoa(len(slack.Posts())),
		`katsudo_api_requests_total{api="workbook",call="write"}`,
		`katsudo_findings{severity="error"}`,
		`katsudo_lock_held 1`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s:\n%s", want, metrics)
		}
	}
	eventually(t, "a heartbeat after each successful job (4)", func() bool { return pings.Load() >= 4 })

	code, took := s.stop(t)
	if code != 0 {
		t.Errorf("exit %d after SIGTERM, want 0\n%s", code, s.log)
	}
	t.Logf("serve stopped %v after SIGTERM; the start-up pass caught up %d messages", took, caughtUp)
	for _, secret := range []string{"secret-uuid", "xoxb-", "会員00", "相談会"} {
		if strings.Contains(s.log.String(), secret) {
			t.Errorf("the log holds %q:\n%s", secret, s.log)
		}
	}

	before := len(slack.Posts())
	if got := MustRun(t, dir, environ, "run", "--workbook", wb, "--now", "2021-12-01T10:00:00+09:00"); got.code != 0 || len(slack.Posts()) != before {
		t.Errorf("a run after serve: exit %d, %d more posts; want 0 and none\n%s", got.code, len(slack.Posts())-before, got.stderr)
	}
}
