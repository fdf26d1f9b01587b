package activity_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/demo"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// demoLog reads the demo workbook with its log stretched to n rows
// (demo.WriteBigWorkbook: the demo's rows, mistakes included, then its
// clean rows over and over, each with its own description and amount).
func demoLog(b *testing.B, n int) activity.Input {
	var buf bytes.Buffer
	if err := demo.WriteBigWorkbook(&buf, n); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "big.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		b.Fatal(err)
	}
	t := demo.Tabs()
	grids, err := xlsx.OpenWorkbook(path).Read(context.Background(), []string{t.Log, t.Programs, t.Members})
	if err != nil {
		b.Fatal(err)
	}
	return activity.Input{Tabs: t, Log: grids[t.Log], Programs: grids[t.Programs], Members: grids[t.Members]}
}

// BenchmarkLoadCheck100k is the activity package's part of `katsudo
// check` on a 100,000-row log: Load, Compile and Check of the tabs read.
func BenchmarkLoadCheck100k(b *testing.B) {
	in := demoLog(b, 100_000)
	fy, now := demo.FiscalYear(), demo.Now()
	b.ReportAllocs()
	for b.Loop() {
		d := activity.Load(in)
		r := activity.Compile(d, fy, activity.Options{})
		fs := activity.Check(d, r, fy, now, now.Location())
		if len(d.Entries) < 99_000 || len(fs) == 0 {
			b.Fatalf("%d entries, %d findings", len(d.Entries), len(fs))
		}
	}
}
