package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestRunDryRun prints what run would write and send, and leaves the
// workbook and Slack as they were.
func TestRunDryRun(t *testing.T) {
	dir := t.TempDir()
	wb := MustSlackWorkbook(t, dir, 2)
	s, environ := MustSlack(t, 2)
	before, err := os.ReadFile(wb)
	if err != nil {
		t.Fatal(err)
	}
	got := MustRun(t, dir, environ, "run", "--dry-run", "--workbook", wb, "--now", "2021-12-01T10:00:00+09:00")
	if got.code != exitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
	for _, want := range []string{"--dry-run：書き込みも送信も記録もしません。", "書き込むタブ：「事業報告書」（2021年度）と「チェック」", "送信するメッセージ", "DM → 会員001 (U001)"} {
		if !strings.Contains(got.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, got.stdout)
		}
	}
	after, err := os.ReadFile(wb)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("the workbook was written")
	}
	if calls := s.CountCalls(); calls["chat.postMessage"] != 0 || calls["conversations.open"] != 0 {
		t.Errorf("Slack was called: %v", calls)
	}
	// The same run for real sends what the dry run showed.
	real := MustRun(t, dir, environ, "run", "--workbook", wb, "--now", "2021-12-01T10:00:00+09:00")
	if real.code != exitOK || len(s.Posts()) == 0 {
		t.Errorf("the real run: exit %d, %d posts\n%s", real.code, len(s.Posts()), real.stderr)
	}
}
