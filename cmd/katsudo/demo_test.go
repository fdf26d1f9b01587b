package main

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/demo"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// MustGolden compares got with testdata/name, or rewrites it with -update.
func MustGolden(tb testing.TB, name, got string) {
	tb.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test ./cmd/katsudo -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		tb.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

// gridText renders a tab as tab-separated lines, numbers as numbers.
func gridText(g activity.Grid) string {
	var b strings.Builder
	for _, row := range g {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = strings.ReplaceAll(c.String(), "\n", `\n`)
		}
		b.WriteString(strings.TrimRight(strings.Join(cells, "\t"), "\t") + "\n")
	}
	return b.String()
}

func TestDemo(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"demo.golden", []string{"demo"}},
		{"demo-en.golden", []string{"demo", "--lang", "en"}},
		{"demo.json.golden", []string{"demo", "--format", "json"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			got := MustRun(t, dir, nil, tc.args...)
			if got.code != 0 {
				t.Fatalf("exit = %d\nstderr:\n%s", got.code, got.stderr)
			}
			MustGolden(t, tc.name, strings.ReplaceAll(got.stdout, dir, "$DIR"))
		})
	}
	t.Run("WorkbookTabs", func(t *testing.T) {
		dir := t.TempDir()
		if got := MustRun(t, dir, nil, "demo", "--unit", "sen"); got.code != 0 {
			t.Fatalf("exit = %d\nstderr:\n%s", got.code, got.stderr)
		}
		grids, err := xlsx.OpenWorkbook(filepath.Join(dir, demo.File)).Read(context.Background(), []string{"事業報告書", "チェック", "活動ログ"})
		if err != nil {
			t.Fatal(err)
		}
		MustGolden(t, "demo-report-sen.tsv.golden", gridText(grids["事業報告書"]))
		MustGolden(t, "demo-findings.tsv.golden", gridText(grids["チェック"]))
		if len(grids["活動ログ"]) < 100 {
			t.Errorf("the log tab lost rows: %d", len(grids["活動ログ"]))
		}
	})
}

// TestDemoTryNext runs the demo's "try next" check command: it must find
// what the demo showed, not the next year's empty log.
func TestDemoTryNext(t *testing.T) {
	dir := t.TempDir()
	got := MustRun(t, dir, nil, "demo")
	if got.code != 0 {
		t.Fatalf("exit = %d\nstderr:\n%s", got.code, got.stderr)
	}
	var next []string
	for _, line := range strings.Split(got.stdout, "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "katsudo" && f[1] == "check" {
			next = f[1:]
		}
	}
	if next == nil {
		t.Fatalf("no check command to try next:\n%s", got.stdout)
	}
	for i, a := range next {
		if a == demo.File {
			next[i] = filepath.Join(dir, demo.File) // the test's folder is not the current one
		}
	}
	check := MustRun(t, dir, nil, next...)
	shown := strings.SplitN(strings.SplitN(got.stdout, "エラー ", 2)[1], "\n", 2)[0]
	if first := strings.SplitN(check.stdout, "\n", 2)[0]; first != "エラー "+shown || check.stderr != "" {
		t.Errorf("%v says %q (stderr %q); the demo showed %q", next, first, check.stderr, "エラー "+shown)
	}
}
