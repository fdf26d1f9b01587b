package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The test binary plays a second katsudo process when run with
// KATSUDO_HELPER set: "hold" takes the lock at KATSUDO_HELPER_LOCK, says
// "locked" and keeps it until its standard input closes; "katsudo" runs
// katsudo with KATSUDO_HELPER_ARGS in the environment KATSUDO_HELPER_ENV
// (both JSON), so that the machine's own environment cannot leak in.
func TestHelperProcess(t *testing.T) {
	switch os.Getenv("KATSUDO_HELPER") {
	case "hold":
		l, err := tryLock(os.Getenv("KATSUDO_HELPER_LOCK"))
		if err != nil {
			os.Stdout.WriteString("error: " + err.Error() + "\n")
			os.Exit(3)
		}
		os.Stdout.WriteString("locked\n")
		io.Copy(io.Discard, os.Stdin)
		l.Unlock()
		os.Exit(0)
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
	t.Run("TwoOpenFilesExcludeEachOther", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "sub", "katsudo.lock")
		first, err := tryLock(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tryLock(path); !errors.Is(err, errLocked) {
			t.Fatalf("second holder: err = %v, want errLocked", err)
		}
		if h := lockHolder(path); !strings.HasPrefix(h, "pid "+strconv.Itoa(os.Getpid())+" ") {
			t.Errorf("holder = %q", h)
		}
		if err := first.Unlock(); err != nil {
			t.Fatal(err)
		}
		second, err := tryLock(path)
		if err != nil {
			t.Fatalf("after unlock: %v", err)
		}
		second.Unlock()
	})
	t.Run("AnotherProcessHoldsIt", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "katsudo.lock")
		cmd := helper(t, "hold", "KATSUDO_HELPER_LOCK="+path)
		stdin, _ := cmd.StdinPipe()
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		defer cmd.Wait()
		defer stdin.Close()
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		if line != "locked\n" {
			t.Fatalf("helper said %q", line)
		}
		if _, err := tryLock(path); !errors.Is(err, errLocked) {
			t.Fatalf("while another process holds it: err = %v, want errLocked", err)
		}
		if h := lockHolder(path); !strings.HasPrefix(h, "pid "+strconv.Itoa(cmd.Process.Pid)+" ") {
			t.Errorf("holder = %q, want the helper's pid %d", h, cmd.Process.Pid)
		}
		stdin.Close() // the helper unlocks and exits
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		l, err := waitLock(ctx, path, 10*time.Millisecond, nil)
		if err != nil {
			t.Fatalf("after the other process ended: %v", err)
		}
		l.Unlock()
	})
	t.Run("RunDoesNothingWhileLocked", func(t *testing.T) {
		dir := t.TempDir()
		wb := MustSlackWorkbook(t, dir, 3)
		s, slack := MustSlack(t, 3)
		environ := runEnviron(dir, slack)
		held, err := tryLock(environ["KATSUDO_LOCK_FILE"])
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
