//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly || illumos || windows)

package lockfile

import "os"

// lockFile reports that this system has no lock katsudo can use; run and
// serve then go on without one and say so.
func lockFile(*os.File) error { return ErrUnsupported }

// unlockFile has no lock to release.
func unlockFile(*os.File) error { return nil }
