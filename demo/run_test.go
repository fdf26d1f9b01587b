package demo_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/demo"
)

type demoRun struct{ stdout string }

// mustDemo runs the demo in dir, in Japanese, and returns what it printed.
func mustDemo(tb testing.TB, dir string) demoRun {
	tb.Helper()
	var out bytes.Buffer
	err := demo.Run(context.Background(), &out, demo.Options{Dir: dir, Now: demo.Now(), Lang: activity.Japanese, Unit: "yen", Prog: "katsudo"})
	if err != nil {
		tb.Fatal(err)
	}
	return demoRun{stdout: out.String()}
}

func mustReadFile(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// TestDemoKeepsAnEditedWorkbook overwrites the demo's own untouched
// workbook, and never one that was changed or is someone's own.
func TestDemoKeepsAnEditedWorkbook(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, demo.File)
	mustDemo(t, dir)
	t.Run("UntouchedIsRewritten", func(t *testing.T) {
		got := mustDemo(t, dir)
		if strings.Contains(got.stdout, "上書きしませんでした") {
			t.Fatalf("the demo said it kept the workbook:\n%s", got.stdout)
		}
		if _, err := os.Stat(filepath.Join(dir, "katsudo-demo-2.xlsx")); err == nil {
			t.Error("an untouched demo workbook was not reused")
		}
	})
	t.Run("EditedIsKept", func(t *testing.T) {
		edited := append(mustReadFile(t, path), "edited"...)
		if err := os.WriteFile(path, edited, 0o644); err != nil {
			t.Fatal(err)
		}
		got := mustDemo(t, dir)
		if !bytes.Equal(mustReadFile(t, path), edited) {
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
		if err := os.WriteFile(filepath.Join(dir, demo.File), own, 0o644); err != nil {
			t.Fatal(err)
		}
		mustDemo(t, dir)
		if !bytes.Equal(mustReadFile(t, filepath.Join(dir, demo.File)), own) {
			t.Error("someone's own katsudo-demo.xlsx was overwritten")
		}
	})
}
