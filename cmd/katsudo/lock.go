package main

import (
	"context"
	"time"

	"github.com/katsudo-npo/katsudo/lockfile"
)

// The lock every command that writes or sends holds (package lockfile),
// under the names the commands use.
type fileLock = lockfile.Lock

var (
	errLocked          = lockfile.ErrLocked
	errLockUnsupported = lockfile.ErrUnsupported
)

func tryLock(path string) (*fileLock, error) { return lockfile.Try(path) }
func lockHolder(path string) string          { return lockfile.Holder(path) }
func waitLock(ctx context.Context, path string, poll time.Duration, waiting func(string)) (*fileLock, error) {
	return lockfile.Wait(ctx, path, poll, waiting)
}

// lockPath is the lock file of the spreadsheet the job works on
// (config.Config.LockPath).
func lockPath(j *settings, getenv func(string) string) string { return j.cfg.LockPath(getenv) }
