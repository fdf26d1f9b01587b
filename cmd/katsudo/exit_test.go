package main

import (
	"testing"

	"github.com/katsudo-npo/katsudo/bot/slacktest"
)

// TestExitCodes_SlackUnreachable ends every sending command with status
// 1, the run's own failure, never 2, which is kept for a wrong command
// line or config.
func TestExitCodes_SlackUnreachable(t *testing.T) {
	for _, cmd := range []string{"remind", "summary", "run"} {
		t.Run(cmd, func(t *testing.T) {
			dir := t.TempDir()
			wb := MustSlackWorkbook(t, dir, 2)
			s, environ := MustSlack(t, 2)
			for n := 1; n <= 10; n++ {
				for _, m := range []string{"users.lookupByEmail", "conversations.open", "conversations.history", "chat.postMessage", "auth.test"} {
					s.FailOn(m, n, slacktest.Fault{Status: 503})
				}
			}
			environ["KATSUDO_LOCK_FILE"] = dir + "/katsudo.lock"
			got := MustRun(t, dir, environ, cmd, "--workbook", wb, "--now", "2021-12-01T10:00:00+09:00")
			if got.code != exitFindings {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", got.code, exitFindings, got.stdout, got.stderr)
			}
		})
	}
	t.Run("ABadFlagIsStill2", func(t *testing.T) {
		if got := MustRun(t, t.TempDir(), nil, "remind", "--no-such-flag"); got.code != exitUsage {
			t.Errorf("exit %d, want %d", got.code, exitUsage)
		}
	})
}
