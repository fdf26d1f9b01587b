package lockfile_test

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/lockfile"
)

// TestHelperProcess is a second process when run with LOCKFILE_HELPER
// set: it takes the lock at that path, says "locked" and keeps it until
// its standard input closes.
func TestHelperProcess(t *testing.T) {
	path := os.Getenv("LOCKFILE_HELPER")
	if path == "" {
		return
	}
	l, err := lockfile.Try(path)
	if err != nil {
		os.Stdout.WriteString("error: " + err.Error() + "\n")
		os.Exit(3)
	}
	os.Stdout.WriteString("locked\n")
	io.Copy(io.Discard, os.Stdin)
	l.Unlock()
	os.Exit(0)
}

func TestLock(t *testing.T) {
	t.Run("TwoOpenFilesExcludeEachOther", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "sub", "katsudo.lock")
		first, err := lockfile.Try(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := lockfile.Try(path); !errors.Is(err, lockfile.ErrLocked) {
			t.Fatalf("second holder: err = %v, want ErrLocked", err)
		}
		if h := lockfile.Holder(path); !strings.HasPrefix(h, "pid "+strconv.Itoa(os.Getpid())+" ") {
			t.Errorf("holder = %q", h)
		}
		if err := first.Unlock(); err != nil {
			t.Fatal(err)
		}
		second, err := lockfile.Try(path)
		if err != nil {
			t.Fatalf("after unlock: %v", err)
		}
		second.Unlock()
	})
	t.Run("AnotherProcessHoldsIt", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "katsudo.lock")
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
		cmd.Env = append(os.Environ(), "LOCKFILE_HELPER="+path)
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
		if _, err := lockfile.Try(path); !errors.Is(err, lockfile.ErrLocked) {
			t.Fatalf("while another process holds it: err = %v, want ErrLocked", err)
		}
		if h := lockfile.Holder(path); !strings.HasPrefix(h, "pid "+strconv.Itoa(cmd.Process.Pid)+" ") {
			t.Errorf("holder = %q, want the helper's pid %d", h, cmd.Process.Pid)
		}
		stdin.Close() // the helper unlocks and exits
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		var waited int
		l, err := lockfile.Wait(ctx, path, 10*time.Millisecond, func(string) { waited++ })
		if err != nil {
			t.Fatalf("after the other process ended: %v", err)
		}
		l.Unlock()
		if waited > 1 {
			t.Errorf("told of the wait %d times, want at most once", waited)
		}
	})
}
