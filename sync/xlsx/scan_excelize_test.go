package xlsx_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/demo"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
	"github.com/xuri/excelize/v2"
)

// TestScannerMatchesExcelize reads the demo workbook, a members' workbook,
// a stretched demo log (shared strings, date styles, large enough to be
// inflated ahead) and an activity log
// excelize wrote, with katsudo's scanner and with excelize, and finds the
// same value in every cell: text as text, numbers equal, booleans and
// formula errors as stored.
func TestScannerMatchesExcelize(t *testing.T) {
	dir := t.TempDir()
	books := map[string][]string{}
	demoPath := filepath.Join(dir, "demo.xlsx")
	MustWriteFile(t, demoPath, demo.Input)
	books[demoPath] = []string{demo.Tabs().Log, demo.Tabs().Programs, demo.Tabs().Members}
	members := filepath.Join(dir, "members.xlsx")
	MustMembersWorkbook(t, members)
	books[members] = []string{"活動ログ", "設定"}
	big := filepath.Join(dir, "big.xlsx")
	var buf bytes.Buffer
	// 6,000 rows make a worksheet part past aheadMin: read ahead.
	if err := demo.WriteBigWorkbook(&buf, 6000); err != nil {
		t.Fatal(err)
	}
	MustWriteFile(t, big, buf.Bytes())
	books[big] = []string{demo.Tabs().Log}
	if ahead, err := xlsx.ReadsAhead(big, demo.Tabs().Log); err != nil || !ahead {
		t.Fatalf("the stretched log is read without read-ahead (%v): raise its rows past aheadMin", err)
	}
	log := filepath.Join(dir, "log.xlsx")
	MustActivityLog(t, log, 500)
	books[log] = []string{"活動ログ"}

	for path, tabs := range books {
		x := MustOpenExcelize(t, path)
		grids := MustRead(t, path, tabs...)
		for _, tab := range tabs {
			want, err := x.GetRows(tab, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			got := grids[tab]
			cells := 0
			for r := 0; r < max(len(want), len(got)); r++ {
				for c := 0; c < max(rowLen(want, r), rowLen2(got, r)); c++ {
					var w string
					if r < len(want) && c < len(want[r]) {
						w = want[r][c]
					}
					g := got.At(r, c)
					if !sameValue(g, w) {
						t.Errorf("%s %s: scanner %+v, excelize %q", filepath.Base(path), activity.CellRef(tab, r, c), g, w)
					}
					cells++
				}
			}
			if cells == 0 {
				t.Errorf("%s %s: no cells compared", filepath.Base(path), tab)
			}
		}
	}
	if _, err := os.Stat(demoPath); err != nil {
		t.Fatal(err)
	}
}

func rowLen(rows [][]string, r int) int {
	if r < len(rows) {
		return len(rows[r])
	}
	return 0
}

func rowLen2(g activity.Grid, r int) int {
	if r < len(g) {
		return len(g[r])
	}
	return 0
}

// sameValue compares a scanned cell with excelize's raw value of it.
func sameValue(c activity.Cell, raw string) bool {
	switch c.Kind {
	case activity.CellEmpty:
		return raw == ""
	case activity.CellNumber:
		f, err := strconv.ParseFloat(raw, 64)
		return err == nil && f == c.Num
	case activity.CellBool:
		return raw == map[bool]string{true: "1", false: "0"}[c.Bool] || raw == map[bool]string{true: "TRUE", false: "FALSE"}[c.Bool]
	default:
		return raw == c.Text
	}
}
