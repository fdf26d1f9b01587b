package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/lockfile"
)

func TestLockToSend(t *testing.T) {
	defer func(w time.Duration) { lockWait = w }(lockWait)
	lockWait = 500 * time.Millisecond
	t.Run("StandsByAndSaysSo", func(t *testing.T) {
		dir := t.TempDir()
		wb := MustSlackWorkbook(t, dir, 2)
		s, environ := MustSlack(t, 2)
		environ["KATSUDO_LOCK_FILE"] = filepath.Join(dir, "katsudo.lock")
		l, err := lockfile.Try(environ["KATSUDO_LOCK_FILE"])
		if err != nil {
			t.Fatal(err)
		}
		defer l.Unlock()
		for _, cmd := range []string{"remind", "summary"} {
			got := MustRun(t, dir, environ, cmd, "--workbook", wb, "--now", slackNow)
			if got.code != 0 || len(s.Posts()) != 0 || !strings.Contains(got.stderr, "別の katsudo が作業を続けているため、何もせずに終わります") {
				t.Errorf("%s: exit %d, %d posts; want 0, none, and a word why\n%s", cmd, got.code, len(s.Posts()), got.stderr)
			}
		}
	})
	t.Run("WaitsForTheOtherToFinish", func(t *testing.T) {
		dir := t.TempDir()
		wb := MustSlackWorkbook(t, dir, 2)
		s, environ := MustSlack(t, 2)
		environ["KATSUDO_LOCK_FILE"] = filepath.Join(dir, "katsudo.lock")
		environ["KATSUDO_LANGUAGE"] = "en"
		l, err := lockfile.Try(environ["KATSUDO_LOCK_FILE"])
		if err != nil {
			t.Fatal(err)
		}
		time.AfterFunc(100*time.Millisecond, func() { l.Unlock() })
		got := MustRun(t, dir, environ, "remind", "--workbook", wb, "--now", slackNow)
		if got.code != 0 || len(s.Posts()) != 2 || !strings.Contains(got.stderr, "another katsudo is working on this spreadsheet") {
			t.Errorf("exit %d, %d posts; want 0 and both reminders after a word about waiting\n%s", got.code, len(s.Posts()), got.stderr)
		}
	})
}
