package config

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
)

// LockPath is the lock file of the spreadsheet katsudo works on, which
// every command that writes or sends holds: the
// lock_file setting, else a file in katsudo's cache folder named after
// the spreadsheet (or the workbook's absolute path), so that every
// process working on the same spreadsheet as the same user meets the
// same lock. The folder is XDG_CACHE_HOME/katsudo, ~/.cache/katsudo, or
// the system's temporary folder when the environment names no home.
func (c Config) LockPath(getenv func(string) string) string {
	if c.LockFile != "" {
		return c.LockFile
	}
	name := "sheets-" + c.SpreadsheetID
	if c.Workbook != "" {
		abs, err := filepath.Abs(c.Workbook)
		if err != nil {
			abs = c.Workbook
		}
		sum := sha256.Sum256([]byte(abs))
		name = "workbook-" + hex.EncodeToString(sum[:6])
	}
	return filepath.Join(cacheDir(getenv), name+".lock")
}

// cacheDir is katsudo's folder in the user's cache folder, found from the environment.
func cacheDir(getenv func(string) string) string {
	if d := getenv("XDG_CACHE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "katsudo")
	}
	if h := getenv("HOME"); filepath.IsAbs(h) && runtime.GOOS != "windows" {
		if runtime.GOOS == "darwin" {
			return filepath.Join(h, "Library", "Caches", "katsudo")
		}
		return filepath.Join(h, ".cache", "katsudo")
	}
	if d := getenv("LocalAppData"); d != "" {
		return filepath.Join(d, "katsudo")
	}
	return filepath.Join(os.TempDir(), "katsudo-"+strconv.Itoa(os.Getuid()))
}
