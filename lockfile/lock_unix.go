//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly || illumos

package lockfile

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockFile takes flock's exclusive lock on f without waiting. flock locks
// belong to the open file, not the process: a second open of the same file
// in the same process is a second holder and is refused.
func lockFile(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EWOULDBLOCK):
			return ErrLocked
		}
		return fmt.Errorf("lock %s: %w", f.Name(), err)
	}
}

// unlockFile releases the lock lockFile took.
func unlockFile(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
