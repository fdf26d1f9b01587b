package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReport_OpenWorkbook refuses to write a workbook Excel has open
// (exit 1, the lock file named) and writes it with --force.
func TestReport_OpenWorkbook(t *testing.T) {
	dir := t.TempDir()
	wb := MustWorkbook(t, dir, []string{"2021/5/10", "1-1", "相談", "横須賀市", "山田", "中小企業 1社", "", "3,000円", "", "山田", ""})
	if err := os.WriteFile(filepath.Join(dir, "~$log.xlsx"), []byte("owner"), 0o644); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(wb)
	if err != nil {
		t.Fatal(err)
	}
	got := MustRun(t, dir, nil, "report", "--workbook", wb, "--now", "2021-07-01T10:00:00+09:00")
	if got.code != 1 || !strings.Contains(got.stderr, "~$log.xlsx") || !strings.Contains(got.stderr, "--force") {
		t.Errorf("exit = %d, stderr = %q; want 1 naming the lock file and --force", got.code, got.stderr)
	}
	if after, _ := os.ReadFile(wb); string(after) != string(before) {
		t.Error("the workbook changed")
	}
	got = MustRun(t, dir, nil, "report", "--workbook", wb, "--now", "2021-07-01T10:00:00+09:00", "--force")
	if got.code != 0 {
		t.Errorf("--force: exit = %d, stderr = %q", got.code, got.stderr)
	}
}
