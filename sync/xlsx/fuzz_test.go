package xlsx_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// FuzzWorkbookRead feeds arbitrary worksheet and shared-string XML to Read:
// whatever a file holds, Read returns a grid or an error, never panics, and
// never returns a cell outside Excel's sheet size.
func FuzzWorkbookRead(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>1.5</v></c></row>`, `<t>a</t>`)
	f.Add(`<row><c t="inlineStr"><is><r><t>x</t></r><rPh><t>y</t></rPh></is></c></row>`, `<r><t>_x000D_</t></r>`)
	f.Add(`<row r="2"><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c t="d"><v>2021-11-14</v></c></row></sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells><sheetData>`, ``)
	f.Add(`<c><v>1</v></c></row><row/>`, `<t/>`)
	f.Add(`<row r="1048576"><c r="XFD1048576" t="b"><v>1</v></c></row>`, `<t><![CDATA[x]]></t>`)
	f.Fuzz(func(t *testing.T, sheetData, si string) {
		path := filepath.Join(t.TempDir(), "f.xlsx")
		MustRawXLSX(t, path, rawBook{Sheets: []rawSheet{{Name: "ログ", SheetData: sheetData}}, SST: []string{si}})
		grids, err := xlsx.OpenWorkbook(path).Read(context.Background(), []string{"ログ"})
		if err != nil {
			if strings.Contains(err.Error(), "unexpected failure") {
				t.Fatalf("Read panicked: %v", err)
			}
			var nf *activity.TabNotFoundError
			if errors.As(err, &nf) {
				t.Fatalf("tab lost: %v", err)
			}
			return
		}
		g := grids["ログ"]
		if len(g) > 1<<20 {
			t.Fatalf("%d rows", len(g))
		}
		for _, row := range g {
			if len(row) > 1<<14 {
				t.Fatalf("%d columns", len(row))
			}
		}
	})
}
