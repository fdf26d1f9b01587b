// Package lockfile is the lock that keeps two katsudo processes on one
// machine from working on the same spreadsheet at once: the operating
// system's exclusive lock on an open file, which goes away with the
// process however it ends, so a crash never leaves a stale lock.
package lockfile

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// ErrLocked means another katsudo holds the lock: it is working on the
// same spreadsheet right now.
var ErrLocked = errors.New("another katsudo holds the lock")

// ErrUnsupported means this system has no file lock katsudo can use;
// it runs without one.
var ErrUnsupported = errors.New("file locks are not supported on " + runtime.GOOS)

// Lock is an exclusive lock on a file, held by one katsudo process on
// one machine while it works on a spreadsheet. It is the operating
// system's lock on an open file (flock on Unix, LockFileEx on Windows):
// it goes away when the process ends, however it ends, so a crash never
// leaves a stale lock behind. Two opens of the file are two holders, even
// in one process.
type Lock struct {
	f *os.File
	// Path is the lock file.
	Path string
}

// tryLock takes the lock at path without waiting; ErrLocked when another
// holder has it. The file is created when missing and, once locked, says
// who holds it (for the message the next process prints).
func Try(path string) (*Lock, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("lock file: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock file: %w", err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, err
	}
	host, _ := os.Hostname()
	note := fmt.Sprintf("pid %d on %s since %s\n", os.Getpid(), host, time.Now().Format(time.RFC3339))
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(note), 0) // only informative: a failure changes nothing
	}
	return &Lock{f: f, Path: path}, nil
}

// Wait takes the lock at path, trying again every poll until it is
// free or ctx ends; waiting is called once, the first time it is taken.
func Wait(ctx context.Context, path string, poll time.Duration, waiting func(holder string)) (*Lock, error) {
	for first := true; ; first = false {
		l, err := Try(path)
		if !errors.Is(err, ErrLocked) {
			return l, err
		}
		if first && waiting != nil {
			waiting(Holder(path))
		}
		t := time.NewTimer(poll)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
		}
	}
}

// Unlock releases the lock. The file stays: removing it could let a third
// process lock a new file while a second still waits on the old one.
func (l *Lock) Unlock() error {
	if l == nil {
		return nil
	}
	err := unlockFile(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Holder is what the lock file says about its holder ("pid 123 on
// host since …"), or "" when it says nothing.
func Holder(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}
