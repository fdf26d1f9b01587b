package xlsx_test

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/xuri/excelize/v2"
)

// tabSnapshot is what a member would notice changing on a tab: values as
// displayed, formulas, cell types and styles, merges, drop-downs and widths.
type tabSnapshot struct {
	Cells       map[string]cellSnapshot
	Merges      []string
	Validations []*excelize.DataValidation
	Widths      map[string]float64
}

type cellSnapshot struct {
	Value, Formula string
	Type           excelize.CellType
	Style          *excelize.Style
}

func snapshot(tb testing.TB, path, tab string) tabSnapshot {
	tb.Helper()
	x := MustOpenExcelize(tb, path)
	s := tabSnapshot{Cells: map[string]cellSnapshot{}, Widths: map[string]float64{}}
	for r := 1; r <= 12; r++ {
		for c := 1; c <= 8; c++ {
			ref, _ := excelize.CoordinatesToCellName(c, r)
			var cs cellSnapshot
			var err error
			if cs.Value, err = x.GetCellValue(tab, ref); err != nil {
				tb.Fatal(err)
			}
			if cs.Formula, err = x.GetCellFormula(tab, ref); err != nil {
				tb.Fatal(err)
			}
			if cs.Type, err = x.GetCellType(tab, ref); err != nil {
				tb.Fatal(err)
			}
			id, err := x.GetCellStyle(tab, ref)
			if err != nil {
				tb.Fatal(err)
			}
			if cs.Style, err = x.GetStyle(id); err != nil {
				tb.Fatal(err)
			}
			if cs != (cellSnapshot{Style: cs.Style}) || id != 0 {
				s.Cells[ref] = cs
			}
		}
		col, _ := excelize.ColumnNumberToName(r)
		s.Widths[col], _ = x.GetColWidth(tab, col)
	}
	merges, err := x.GetMergeCells(tab)
	if err != nil {
		tb.Fatal(err)
	}
	for _, m := range merges {
		s.Merges = append(s.Merges, m.GetStartAxis()+":"+m.GetEndAxis()+"="+m.GetCellValue())
	}
	if s.Validations, err = x.GetDataValidations(tab); err != nil {
		tb.Fatal(err)
	}
	return s
}

// MustMembersWorkbook builds a workbook as members keep it: an activity log
// with formulas, formatting, a merged title and a drop-down; an old report
// in the middle; a settings tab after it; names scoped to tabs.
func MustMembersWorkbook(tb testing.TB, path string) {
	tb.Helper()
	MustExcelize(tb, path, func(f *excelize.File) error {
		if err := f.SetSheetName("Sheet1", "活動ログ"); err != nil {
			return err
		}
		for _, tab := range []string{"事業報告書", "設定"} {
			if _, err := f.NewSheet(tab); err != nil {
				return err
			}
		}
		log := "活動ログ"
		for _, kv := range []struct {
			cell string
			v    any
		}{
			{"A1", "2021年度 活動ログ"}, {"A2", "日付"}, {"B2", "時間"}, {"C2", "区分"}, {"D2", "合計"},
			{"A3", 44514}, {"B3", 2.5}, {"C3", "清掃"}, {"A4", 44515}, {"B4", 1}, {"C4", "会議"},
			{"E3", true}, {"F3", "=1+1"},
		} {
			if err := f.SetCellValue(log, kv.cell, kv.v); err != nil {
				return err
			}
		}
		if err := f.SetCellFormula(log, "D3", "SUM(B3:B4)"); err != nil {
			return err
		}
		if err := f.SetCellFormula(log, "D4", "事業報告書!B2*2"); err != nil {
			return err
		}
		if err := f.MergeCell(log, "A1", "D1"); err != nil {
			return err
		}
		st, err := f.NewStyle(&excelize.Style{
			Font: &excelize.Font{Bold: true, Color: "FF0000"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFF00"}},
		})
		if err != nil {
			return err
		}
		if err := f.SetCellStyle(log, "A2", "D2", st); err != nil {
			return err
		}
		date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
		if err != nil {
			return err
		}
		if err := f.SetCellStyle(log, "A3", "A4", date); err != nil {
			return err
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = "C3:C100"
		if err := dv.SetDropList([]string{"清掃", "会議", "イベント"}); err != nil {
			return err
		}
		if err := f.AddDataValidation(log, dv); err != nil {
			return err
		}
		if err := f.SetColWidth(log, "A", "A", 14); err != nil {
			return err
		}
		// The old report: content beyond what the new one writes, a merge,
		// a drop-down and a name of its own, all to be replaced.
		for _, cell := range []string{"A1", "B2", "H12"} {
			if err := f.SetCellValue("事業報告書", cell, "古い"+cell); err != nil {
				return err
			}
		}
		if err := f.MergeCell("事業報告書", "A1", "C1"); err != nil {
			return err
		}
		if err := f.SetCellValue("設定", "A1", "年度"); err != nil {
			return err
		}
		if err := f.SetCellValue("設定", "B1", 2021); err != nil {
			return err
		}
		if err := f.SetCellFormula("設定", "B2", "COUNTA(活動ログ!A3:A100)"); err != nil {
			return err
		}
		for _, dn := range []excelize.DefinedName{
			{Name: "_xlnm.Print_Area", RefersTo: "活動ログ!$A$1:$D$4", Scope: "活動ログ"},
			{Name: "_xlnm.Print_Area", RefersTo: "事業報告書!$A$1:$C$3", Scope: "事業報告書"},
			{Name: "_xlnm.Print_Area", RefersTo: "設定!$A$1:$B$2", Scope: "設定"},
			{Name: "年度", RefersTo: "設定!$B$1", Scope: "Workbook"},
		} {
			if err := f.SetDefinedName(&dn); err != nil {
				return err
			}
		}
		f.SetActiveSheet(0)
		return nil
	})
}

// TestWorkbookWrite_PreservesOtherTabs leaves the members' tabs as they
// were: values, formulas, types, styles, merges, drop-downs, widths, names.
func TestWorkbookWrite_PreservesOtherTabs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log.xlsx")
	MustMembersWorkbook(t, path)
	others := []string{"活動ログ", "設定"}
	before := map[string]tabSnapshot{}
	for _, tab := range others {
		before[tab] = snapshot(t, path, tab)
	}
	MustWrite(t, path,
		activity.Sheet{Name: "事業報告書", Rows: [][]activity.Value{{activity.Str("新しい報告", activity.Bold)}, {activity.Str("合計", 0), activity.Int(7, activity.Yen)}}, FrozenRows: 1},
		activity.Sheet{Name: "チェック", Rows: [][]activity.Value{{activity.Str("=IMPORTXML(\"x\",\"y\")", 0)}}},
	)
	for _, tab := range others {
		if diff := cmp.Diff(before[tab], snapshot(t, path, tab)); diff != "" {
			t.Errorf("tab %s changed (-before +after):\n%s", tab, diff)
		}
	}
	x := MustOpenExcelize(t, path)
	if diff := cmp.Diff([]string{"活動ログ", "事業報告書", "設定", "チェック"}, x.GetSheetList()); diff != "" {
		t.Errorf("tab order (-want +got):\n%s", diff)
	}
	wantNames := []excelize.DefinedName{
		{Name: "_xlnm.Print_Area", RefersTo: "活動ログ!$A$1:$D$4", Scope: "活動ログ"},
		{Name: "_xlnm.Print_Area", RefersTo: "設定!$A$1:$B$2", Scope: "設定"},
		{Name: "年度", RefersTo: "設定!$B$1", Scope: "Workbook"},
	}
	if diff := cmp.Diff(wantNames, x.GetDefinedName()); diff != "" {
		t.Errorf("defined names (-want +got):\n%s", diff)
	}
	if got := x.GetSheetName(x.GetActiveSheetIndex()); got != "活動ログ" {
		t.Errorf("active tab %q, want 活動ログ", got)
	}
	// The formula pointing at the report still points at it.
	if got, _ := x.GetCellFormula("活動ログ", "D4"); got != "事業報告書!B2*2" {
		t.Errorf("活動ログ!D4 formula = %q", got)
	}
	// The old report is gone whole: cells, merge.
	got := MustRead(t, path, "事業報告書")["事業報告書"]
	want := activity.Grid{row(txt("新しい報告")), row(txt("合計"), num(7))}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("事業報告書 mismatch (-want +got):\n%s", diff)
	}
	if m, _ := x.GetMergeCells("事業報告書"); len(m) != 0 {
		t.Errorf("old merges survived: %v", m)
	}
}

// TestWorkbookWrite_KeepsTabPosition puts a replaced tab back where it
// was, first, in the middle or last.
func TestWorkbookWrite_KeepsTabPosition(t *testing.T) {
	tabs := []string{"A", "B", "C"}
	for _, replace := range tabs {
		t.Run(replace, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "log.xlsx")
			var sheets []rawSheet
			for _, name := range tabs {
				sheets = append(sheets, rawSheet{Name: name, SheetData: `<row r="1"><c r="A1" t="inlineStr"><is><t>old ` + name + `</t></is></c></row>`})
			}
			MustRawXLSX(t, path, rawBook{Sheets: sheets})
			MustWrite(t, path, activity.Sheet{Name: replace, Rows: [][]activity.Value{{activity.Str("new", 0)}}})
			x := MustOpenExcelize(t, path)
			if diff := cmp.Diff(tabs, x.GetSheetList()); diff != "" {
				t.Errorf("tab order (-want +got):\n%s", diff)
			}
			got := MustRead(t, path, tabs...)
			for _, name := range tabs {
				want := "old " + name
				if name == replace {
					want = "new"
				}
				if diff := cmp.Diff(activity.Grid{row(txt(want))}, got[name]); diff != "" {
					t.Errorf("tab %s mismatch (-want +got):\n%s", name, diff)
				}
			}
		})
	}
}
