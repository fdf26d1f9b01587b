package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDemoKeepsAnEditedWorkbook overwrites the demo's own untouched
// workbook, and never one that was changed or is someone's own.
func TestDemoKeepsAnEditedWorkbook(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, demoFile)
	if got := MustRun(t, dir, nil, "demo"); got.code != 0 {
		t.Fatalf("exit %d\n%s", got.code, got.stderr)
	}
	t.Run("UntouchedIsRewritten", func(t *testing.T) {
		got := MustRun(t, dir, nil, "demo")
		if got.code != 0 || strings.Contains(got.stdout, "上書きしませんでした") {
			t.Fatalf("exit %d\n%s", got.code, got.stdout)
		}
		if _, err := os.Stat(filepath.Join(dir, "katsudo-demo-2.xlsx")); err == nil {
			t.Error("an untouched demo workbook was not reused")
		}
	})
	t.Run("EditedIsKept", func(t *testing.T) {
		edited := append(MustReadFile(t, path), "edited"...)
		if err := os.WriteFile(path, edited, 0o644); err != nil {
			t.Fatal(err)
		}
		got := MustRun(t, dir, nil, "demo")
		if got.code != 0 {
			t.Fatalf("exit %d\n%s", got.code, got.stderr)
		}
		if !bytes.Equal(MustReadFile(t, path), edited) {
			t.Error("the edited workbook was overwritten")
		}
		for _, want := range []string{path + " は変更されているか", "katsudo check --workbook katsudo-demo-2.xlsx"} {
			if !strings.Contains(got.stdout, want) {
				t.Errorf("stdout lacks %q:\n%s", want, got.stdout[max(0, len(got.stdout)-600):])
			}
		}
		if _, err := os.Stat(filepath.Join(dir, "katsudo-demo-2.xlsx")); err != nil {
			t.Error(err)
		}
	})
	t.Run("SomeoneElsesFileIsKept", func(t *testing.T) {
		dir := t.TempDir()
		own := []byte("the treasurer's own file")
		if err := os.WriteFile(filepath.Join(dir, demoFile), own, 0o644); err != nil {
			t.Fatal(err)
		}
		if got := MustRun(t, dir, nil, "demo"); got.code != 0 {
			t.Fatalf("exit %d\n%s", got.code, got.stderr)
		}
		if !bytes.Equal(MustReadFile(t, filepath.Join(dir, demoFile)), own) {
			t.Error("someone's own katsudo-demo.xlsx was overwritten")
		}
	})
}

func TestProgName(t *testing.T) {
	tests := []struct{ arg0, want string }{
		{"", "katsudo"},
		{"katsudo", "katsudo"},
		{"./katsudo", "./katsudo"},
		{"/usr/local/bin/katsudo", "/usr/local/bin/katsudo"},
		{filepath.Join(os.TempDir(), "go-build1234567", "b001", "exe", "katsudo"), "go run ./cmd/katsudo"},
	}
	for _, tt := range tests {
		if got := progName(tt.arg0); got != tt.want {
			t.Errorf("progName(%q) = %q, want %q", tt.arg0, got, tt.want)
		}
	}
}
