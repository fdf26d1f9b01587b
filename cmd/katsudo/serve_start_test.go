package main

import (
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/lockfile"
)

// TestServeStandby starts serve while another katsudo holds the lock: it
// answers /healthz as a healthy standby and runs nothing until the lock
// is free, then takes over.
func TestServeStandby(t *testing.T) {
	dir := t.TempDir()
	wb := MustSlackWorkbook(t, dir, 2)
	slack, environ := MustSlack(t, 2)
	environ = runEnviron(dir, environ)
	held, err := lockfile.Try(environ["KATSUDO_LOCK_FILE"])
	if err != nil {
		t.Fatal(err)
	}
	s := MustServe(t, environ, "--workbook", wb, "--now", slackNow)
	eventually(t, "waiting for the lock", func() bool { return strings.Contains(s.log.String(), "waiting for it to stop") })
	code, r := s.health(t)
	_, metrics := s.get(t, "/metrics")
	if code != http.StatusOK || r.Status != "standby" || !strings.Contains(metrics, "katsudo_lock_held 0") || len(slack.Posts()) != 0 {
		t.Fatalf("standby: %d %+v, %d posts\n%s", code, r, len(slack.Posts()), metrics)
	}
	held.Unlock()
	eventually(t, "taking over", func() bool {
		_, r := s.health(t)
		return r.Status == "ok" && r.Jobs[0].LastSuccess != nil
	})
	if n := len(slack.Posts()); n != 3 {
		t.Errorf("after taking over: %d posts, want the summary and 2 reminders", n)
	}
	if code, _ := s.stop(t); code != 0 {
		t.Errorf("exit %d", code)
	}
}

func TestServeStartErrors(t *testing.T) {
	dir := t.TempDir()
	wb := MustSlackWorkbook(t, dir, 1)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	conf := filepath.Join(dir, "katsudo.yaml")
	if err := os.WriteFile(conf, []byte("schedule:\n  remind: \"0 25 * * *\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		args    []string
		environ map[string]string
		want    string
	}{
		{"BadSpecInFile", []string{"serve", "--config", conf, "--workbook", wb}, nil, conf + ":2: schedule.remind: \"0 25 * * *\" が指定されていますが"}, // Japanese by default
		{"BadSpecInEnvironment", []string{"serve", "--workbook", wb}, map[string]string{"KATSUDO_SCHEDULE_SUMMARY": "@fortnightly"}, "KATSUDO_SCHEDULE_SUMMARY"},
		{"PortInUse", []string{"serve", "--workbook", wb, "--listen", busy.Addr().String()}, nil, busy.Addr().String() + " で /healthz と /metrics を待ち受けられません"},
		{"BadListen", []string{"serve", "--workbook", wb, "--listen", "localhost"}, nil, "--listen"},
		{"BadGrace", []string{"serve", "--workbook", wb, "--grace", "0s"}, nil, "--grace"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			environ := runEnviron(dir, tc.environ)
			if got := MustRun(t, dir, environ, tc.args...); got.code != 2 || !strings.Contains(got.stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", got.code, got.stderr, tc.want)
			}
		})
	}
}
