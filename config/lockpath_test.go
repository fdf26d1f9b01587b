package config_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/config"
)

func TestLockPath(t *testing.T) {
	cache := t.TempDir()
	env := getenv(map[string]string{"XDG_CACHE_HOME": cache, "HOME": "/home/somebody"})
	sheet := config.Default()
	sheet.SpreadsheetID = "abc123"
	t.Run("OneFilePerSpreadsheet", func(t *testing.T) {
		if got, want := sheet.LockPath(env), filepath.Join(cache, "katsudo", "sheets-abc123.lock"); got != want {
			t.Errorf("LockPath = %q, want %q", got, want)
		}
	})
	t.Run("OneFilePerWorkbookWhereverItIsNamedFrom", func(t *testing.T) {
		t.Chdir(t.TempDir())
		rel, abs := config.Default(), config.Default()
		rel.Workbook = "log.xlsx"
		var err error
		if abs.Workbook, err = filepath.Abs("log.xlsx"); err != nil {
			t.Fatal(err)
		}
		got := rel.LockPath(env)
		if got != abs.LockPath(env) || !strings.HasPrefix(filepath.Base(got), "workbook-") || filepath.Dir(got) != filepath.Join(cache, "katsudo") {
			t.Errorf("LockPath = %q and %q; want one workbook- file in the cache", got, abs.LockPath(env))
		}
	})
	t.Run("LockFileWins", func(t *testing.T) {
		c := sheet
		c.LockFile = "/var/lib/katsudo/katsudo.lock"
		if got := c.LockPath(env); got != c.LockFile {
			t.Errorf("LockPath = %q, want %q", got, c.LockFile)
		}
	})
}
