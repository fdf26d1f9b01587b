package xlsx_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/demo"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// BenchmarkCheck100k is what `katsudo check --workbook` costs on a
// 100,000-row log: the three tabs read, loaded, compiled and checked. The
// figure to hold it against is the cost of inflating the worksheets
// (`unzip -p BOOK 'xl/worksheets/*.xml'`); issue 11 asks for at most 3×.
func BenchmarkCheck100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.xlsx")
	MustBigWorkbook(b, path, 100_000)
	wb := xlsx.OpenWorkbook(path)
	t := demo.Tabs()
	fy, now := demo.FiscalYear(), demo.Now()
	b.ReportAllocs()
	for b.Loop() {
		grids, err := wb.Read(context.Background(), []string{t.Log, t.Programs, t.Members})
		if err != nil {
			b.Fatal(err)
		}
		d := activity.Load(activity.Input{Tabs: t, Log: grids[t.Log], Programs: grids[t.Programs], Members: grids[t.Members]})
		r := activity.Compile(d, fy, activity.Options{})
		fs := activity.Check(d, r, fy, now, now.Location())
		if len(d.Entries) < 99_000 || len(fs) == 0 {
			b.Fatalf("%d entries, %d findings", len(d.Entries), len(fs))
		}
	}
}
