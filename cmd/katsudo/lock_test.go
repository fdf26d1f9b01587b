package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/lockfile"
)

// The test binary plays a second katsudo process when run with
// KATSUDO_HELPER set to "katsudo": it runs katsudo with KATSUDO_HELPER_ARGS
// in the environment KATSUDO_HELPER_ENV (both JSON), so that the
// machine's own environment cannot leak in.
func TestHelperProcess(t *testing.T) {
	switch os.Getenv("KATSUDO_HELPER") {
	case "katsudo":
		var args []string
		var environ map[string]string
		if json.Unmarshal([]byte(os.Getenv("KATSUDO_HELPER_ARGS")), &args) != nil ||
			json.Unmarshal([]byte(os.Getenv("KATSUDO_HELPER_ENV")), &environ) != nil {
			os.Exit(3)
		}
		os.Exit(run(context.Background(), args, func(k string) string { return environ[k] }, os.Stdout, os.Stderr))
	}
}

// helper is a second katsudo process: the test binary run as one.
func helper(tb testing.TB, mode string, extra ...string) *exec.Cmd {
	tb.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "KATSUDO_HELPER="+mode)
	cmd.Env = append(cmd.Env, extra...)
	return cmd
}

// katsudoProcess runs katsudo in a second process and returns its exit
// status and standard error.
func katsudoProcess(tb testing.TB, environ map[string]string, args ...string) (int, string) {
	tb.Helper()
	a, _ := json.Marshal(args)
	e, _ := json.Marshal(environ)
	cmd := helper(tb, "katsudo", "KATSUDO_HELPER_ARGS="+string(a), "KATSUDO_HELPER_ENV="+string(e))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		tb.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), stderr.String()
}

func TestLock(t *testing.T) {
	t.Run("RunDoesNothingWhileLocked", func(t *testing.T) {
		dir := t.TempDir()
		wb := MustSlackWorkbook(t, dir, 3)
		s, slack := MustSlack(t, 3)
		environ := runEnviron(dir, slack)
		held, err := lockfile.Try(environ["KATSUDO_LOCK_FILE"])
		if err != nil {
			t.Fatal(err)
		}
		code, stderr := katsudoProcess(t, environ, "run", "--workbook", wb, "--now", slackNow)
		if code != 0 || len(s.Posts()) != 0 || len(sentKeys(t, wb)) != 0 || !strings.Contains(stderr, "this run did nothing") {
			t.Fatalf("while locked: exit %d, %d posts, %d recorded\n%s", code, len(s.Posts()), len(sentKeys(t, wb)), stderr)
		}
		held.Unlock()
		code, stderr = katsudoProcess(t, environ, "run", "--workbook", wb, "--now", slackNow)
		if code != 0 || len(s.Posts()) != 4 {
			t.Errorf("after unlock: exit %d, %d posts; want the summary and 3 reminders\n%s", code, len(s.Posts()), stderr)
		}
	})
	t.Run("TwoRunsAtOnceSendEachMessageOnce", func(t *testing.T) {
		dir := t.TempDir()
		wb := MustSlackWorkbook(t, dir, 6)
		s, slack := MustSlack(t, 6)
		environ := runEnviron(dir, slack)
		codes := make(chan int, 2)
		for range 2 {
			go func() {
				code, _ := katsudoProcess(t, environ, "run", "--workbook", wb, "--now", slackNow)
				codes <- code
			}()
		}
		for range 2 {
			if code := <-codes; code != 0 {
				t.Errorf("exit %d", code)
			}
		}
		posted, recorded := postedKeys(s), sentKeys(t, wb)
		if len(posted) != 7 {
			t.Errorf("%d distinct messages posted, want 7", len(posted))
		}
		for k, n := range posted {
			if n != 1 || recorded[k] == "" {
				t.Errorf("%s: %d in Slack, recorded ts %q", k, n, recorded[k])
			}
		}
	})
}
