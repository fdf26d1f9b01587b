package xlsx_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
	"github.com/xuri/excelize/v2"
)

// TestWorkbookAppend_BelowLastRow adds rows under the members' last row,
// each cell formatted like the one above, text kept as text, and leaves
// the rest of the workbook as it was.
func TestWorkbookAppend_BelowLastRow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log.xlsx")
	MustMembersWorkbook(t, path)
	before := snapshot(t, path, "設定")
	rng, err := xlsx.OpenWorkbook(path).Append(context.Background(), "活動ログ", "A2", [][]string{
		{"2021/11/20", "3", "=1+1"},
		{"2021/11/21", "", "会議 <2>"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if rng != "'活動ログ'!A5:C6" {
		t.Errorf("range = %q, want '活動ログ'!A5:C6", rng)
	}
	got := MustRead(t, path, "活動ログ")["活動ログ"]
	want := []activity.Grid{{row(txt("2021/11/20"), txt("3"), txt("=1+1"))}, {row(txt("2021/11/21"), blank, txt("会議 <2>"))}}
	if len(got) != 6 {
		t.Fatalf("log has %d rows, want 6: %v", len(got), got)
	}
	for i, w := range want {
		if diff := cmp.Diff(w[0], got[4+i]); diff != "" {
			t.Errorf("row %d mismatch (-want +got):\n%s", 5+i, diff)
		}
	}
	x := MustOpenExcelize(t, path)
	if a4, _ := x.GetCellStyle("活動ログ", "A4"); a4 == 0 {
		t.Fatal("A4 has no date format to test with")
	} else if a5, _ := x.GetCellStyle("活動ログ", "A5"); a5 != a4 {
		t.Errorf("A5 has cell format %d, want A4's %d", a5, a4)
	}
	if f, _ := x.GetCellFormula("活動ログ", "C5"); f != "" {
		t.Errorf("C5 became the formula %q", f)
	}
	if diff := cmp.Diff(before, snapshot(t, path, "設定")); diff != "" {
		t.Errorf("tab 設定 changed (-before +after):\n%s", diff)
	}
	sheet := MustTabXML(t, path, "活動ログ")
	if !strings.Contains(sheet, `<dimension ref="A1:C6">`) {
		t.Errorf("dimension not widened to the new rows:\n%s", sheet)
	}
	mustWellFormed(t, sheet)
}

// TestWorkbookAppend_OverFormattedBlankRows puts the rows where the
// members' blank, formatted rows were, keeping the formatted rows below.
func TestWorkbookAppend_OverFormattedBlankRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log.xlsx")
	MustRawXLSX(t, path, rawBook{Sheets: []rawSheet{{Name: "活動ログ", SheetData: `<row r="1"><c r="A1" t="inlineStr"><is><t>日付</t></is></c></row>` +
		`<row r="2"><c r="A2" s="1"><v>44500</v></c></row>` +
		`<row r="3"><c r="A3" s="1"/></row><row r="4" ht="20" customHeight="1"><c r="A4" s="1"/></row>` +
		`<row r="9"><c r="A9" s="1"/><c r="B9"><f>1+1</f></c></row>`}}})
	rng, err := xlsx.OpenWorkbook(path).Append(context.Background(), "活動ログ", "A1", [][]string{{"44501"}})
	if err != nil {
		t.Fatal(err)
	}
	if rng != "'活動ログ'!A3:A3" {
		t.Errorf("range = %q, want '活動ログ'!A3:A3", rng)
	}
	x := MustTabXML(t, path, "活動ログ")
	mustWellFormed(t, x)
	for _, want := range []string{`<row r="3"><c r="A3" s="1" t="inlineStr"><is><t xml:space="preserve">44501</t></is></c></row><row r="4" ht="20"`, `<row r="9">`} {
		if !strings.Contains(x, want) {
			t.Errorf("sheet lacks %s:\n%s", want, x)
		}
	}
}

// TestWorkbookAppend_MissingTab changes nothing and says which tabs exist.
func TestWorkbookAppend_MissingTab(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "log.xlsx")
	MustRawXLSX(t, path, rawBook{Sheets: []rawSheet{{Name: "メンバー"}}})
	orig := MustReadFile(t, path)
	rows := [][]string{{"x"}}
	_, err := xlsx.OpenWorkbook(path).Append(context.Background(), "活動ログ", "A1", rows)
	var nf *activity.TabNotFoundError
	if !errors.As(err, &nf) || !cmp.Equal(nf.Tabs, []string{"メンバー"}) {
		t.Errorf("got %v, want a TabNotFoundError listing メンバー", err)
	}
	if !bytes.Equal(orig, MustReadFile(t, path)) {
		t.Error("the workbook changed")
	}
	none := filepath.Join(dir, "none.xlsx")
	if _, err := xlsx.OpenWorkbook(none).Append(context.Background(), "活動ログ", "A1", rows); !errors.As(err, &nf) {
		t.Errorf("no file: got %v, want a TabNotFoundError", err)
	}
	if extra := leftovers(t, dir, path); len(extra) > 0 {
		t.Errorf("files left behind: %v", extra)
	}
}

// mustWellFormed fails when s is not well-formed XML.
func mustWellFormed(tb testing.TB, s string) {
	tb.Helper()
	dec := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			tb.Fatalf("not well-formed XML: %v", err)
		}
	}
}

// TestAppend is the outbox engineer's test of the first Append, kept as
// written: two appends under a header, text stays text, a missing tab
// leaves the file.
func TestAppend(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log.xlsx")
	MustExcelize(t, path, func(f *excelize.File) error {
		if err := f.SetSheetName("Sheet1", "活動ログ"); err != nil {
			return err
		}
		if _, err := f.NewSheet("事業報告書"); err != nil {
			return err
		}
		return f.SetSheetRow("活動ログ", "A1", &[]any{"日付", "事業", "内容", "支出額"})
	})
	w := xlsx.OpenWorkbook(path)
	got, err := w.Append(context.Background(), "活動ログ", "A1", [][]string{{"2021-09-14", "1-1", "=1+1", "1200"}})
	if err != nil {
		t.Fatal(err)
	}
	if got != "'活動ログ'!A2:D2" {
		t.Errorf("range = %q", got)
	}
	if _, err := w.Append(context.Background(), "活動ログ", "A1", [][]string{{"2021-09-15", "1-2", "", "0"}}); err != nil {
		t.Fatal(err)
	}
	g := MustRead(t, path, "活動ログ")["活動ログ"]
	want := activity.Grid{
		{activity.TextCell("日付"), activity.TextCell("事業"), activity.TextCell("内容"), activity.TextCell("支出額")},
		{activity.TextCell("2021-09-14"), activity.TextCell("1-1"), activity.TextCell("=1+1"), activity.TextCell("1200")},
		{activity.TextCell("2021-09-15"), activity.TextCell("1-2"), {}, activity.TextCell("0")},
	}
	for r := range want {
		for c := range want[r] {
			if got := g.At(r, c); got != want[r][c] {
				t.Errorf("cell %s = %+v, want %+v", activity.CellRef("活動ログ", r, c), got, want[r][c])
			}
		}
	}
	if tabs := MustOpenExcelize(t, path).GetSheetList(); len(tabs) != 2 {
		t.Errorf("tabs = %v, want the two tabs kept", tabs)
	}
	t.Run("MissingTabLeavesTheFile", func(t *testing.T) {
		before := MustReadFile(t, path)
		_, err := w.Append(context.Background(), "no such tab", "A1", [][]string{{"x"}})
		var nf *activity.TabNotFoundError
		if !errors.As(err, &nf) {
			t.Errorf("err = %v, want TabNotFoundError", err)
		}
		if string(MustReadFile(t, path)) != string(before) {
			t.Error("the file changed")
		}
	})
}
