package xlsx_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/xuri/excelize/v2"
)

// TestWorkbookWrite_RoundTrip reads back what Write wrote, cell for cell.
func TestWorkbookWrite_RoundTrip(t *testing.T) {
	long := strings.Repeat("長い説明文。", 1000) // 6,000 characters
	wide := make([]activity.Value, 200)
	wideWant := make([]activity.Cell, 200)
	for c := range wide {
		wide[c] = activity.Int(int64(c*c), 0)
		wideWant[c] = num(float64(c * c))
	}
	tests := []struct {
		name string
		rows [][]activity.Value
		want activity.Grid
	}{
		{"TextAndNumbers",
			[][]activity.Value{
				{activity.Str("事業報告書", activity.Bold), activity.Str("2021年度", 0)},
				{activity.Str("清掃活動", 0), activity.Int(12, 0), activity.Int(-3400, activity.Yen), activity.Int(0, 0)},
				{activity.Str("改行\nあり", activity.Wrap), activity.Str("  前後の空白  ", 0), activity.Str("タブ\tも", 0)},
			},
			activity.Grid{
				row(txt("事業報告書"), txt("2021年度")),
				row(txt("清掃活動"), num(12), num(-3400), num(0)),
				row(txt("改行\nあり"), txt("  前後の空白  "), txt("タブ\tも")),
			}},
		{"GapsAndBlankRows",
			[][]activity.Value{
				{},
				{activity.Str("", 0), activity.Str("", activity.Bold), activity.Str("C2", 0)},
				nil,
				{activity.Int(4, 0)},
			},
			activity.Grid{nil, row(blank, blank, txt("C2")), nil, row(num(4))}},
		{"LargeNumbers",
			[][]activity.Value{{activity.Int(1<<53, activity.Yen), activity.Int(-1_000_000_000, 0)}},
			activity.Grid{row(num(1<<53), num(-1_000_000_000))}},
		{"TwoHundredColumns", [][]activity.Value{wide}, activity.Grid{wideWant}},
		{"LongCell", [][]activity.Value{{activity.Str(long, activity.Wrap)}}, activity.Grid{row(txt(long))}},
		// Longer than Excel's cell: cut to 32,767 UTF-16 units, the cut
		// marked, and the write succeeds.
		{"TooLongForACell", [][]activity.Value{{activity.Str(strings.Repeat("あ", 50000), activity.Wrap)}},
			activity.Grid{row(txt(strings.Repeat("あ", activity.MaxExcelCellText-len([]rune("…（以下省略）"))) + "…（以下省略）"))}},
		{"TooLongWithSurrogates", [][]activity.Value{{activity.Str(strings.Repeat("𠮷", 20000), 0)}},
			activity.Grid{row(txt(strings.Repeat("𠮷", (activity.MaxExcelCellText-7)/2) + "…（以下省略）"))}},
		{"LooksLikeEscape", [][]activity.Value{{activity.Str("_x000D_ は記号", 0)}}, activity.Grid{row(txt("_x000D_ は記号"))}},
		{"Empty", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "report.xlsx")
			MustWrite(t, path, activity.Sheet{Name: "事業報告書", Rows: tt.rows})
			got := MustRead(t, path, "事業報告書")["事業報告書"]
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestWorkbookWrite_FormulaTextStaysText writes text that looks like a
// formula as text: nothing in the file is a formula, so opening the
// report never fetches a URL or computes anything.
func TestWorkbookWrite_FormulaTextStaysText(t *testing.T) {
	texts := []string{
		"=1+1",
		`=IMPORTXML("https://example.com/","//a")`,
		"+81-90-1234-5678",
		"-300",
		"@SUM(A1:A3)",
		"=HYPERLINK(\"http://x\")",
		"0123",
		"TRUE",
		"#REF!",
	}
	var rows [][]activity.Value
	var want activity.Grid
	for _, s := range texts {
		rows = append(rows, []activity.Value{activity.Str(s, 0), activity.Str(s, activity.Bold)})
		want = append(want, row(txt(s), txt(s)))
	}
	path := filepath.Join(t.TempDir(), "report.xlsx")
	MustWrite(t, path, activity.Sheet{Name: "チェック", Rows: rows})

	got := MustRead(t, path, "チェック")["チェック"]
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	sheetXML := MustTabXML(t, path, "チェック")
	if strings.Contains(sheetXML, "<f>") || strings.Contains(sheetXML, "<f ") {
		t.Errorf("worksheet has a formula element:\n%s", sheetXML)
	}
	x := MustOpenExcelize(t, path)
	for r := range texts {
		ref, _ := excelize.CoordinatesToCellName(1, r+1)
		if f, err := x.GetCellFormula("チェック", ref); err != nil || f != "" {
			t.Errorf("%s: formula %q, %v; want none", ref, f, err)
		}
	}
}

// TestWorkbookWrite_Styles checks the layout a treasurer sees in Excel.
func TestWorkbookWrite_Styles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.xlsx")
	MustWrite(t, path, activity.Sheet{
		Name: "事業報告書",
		Rows: [][]activity.Value{
			{activity.Str("項目", 0), activity.Str("金額", 0)},
			{activity.Str("会費収入", 0), activity.Int(123456, activity.Yen)},
			{activity.Str("差引", activity.Bold), activity.Int(-1234, activity.Yen|activity.Bold)},
			{activity.Str("長い説明", activity.Wrap), activity.Int(629, activity.Sen)},
			{activity.Str(strings.Repeat("事業報告書の", 8)+"\n最後の行", activity.Wrap)},
		},
		Widths:     []float64{30, 0, 12.5},
		FrozenRows: 1,
	})
	x := MustOpenExcelize(t, path)
	style := func(cell string) *excelize.Style {
		t.Helper()
		id, err := x.GetCellStyle("事業報告書", cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := x.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	bold := func(cell string) bool { st := style(cell); return st.Font != nil && st.Font.Bold }

	t.Run("FrozenHeaderIsBold", func(t *testing.T) {
		if !bold("A1") || !bold("B1") {
			t.Error("header row is not bold")
		}
		if bold("A2") {
			t.Error("A2 is bold")
		}
		panes, err := x.GetPanes("事業報告書")
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
			t.Errorf("panes = %+v, want frozen below row 1", panes)
		}
	})
	t.Run("Bold", func(t *testing.T) {
		if !bold("A3") || !bold("B3") {
			t.Error("A3/B3 not bold")
		}
	})
	t.Run("Yen", func(t *testing.T) {
		for cell, want := range map[string]string{"B2": "123,456円", "B3": "-1,234円"} {
			st := style(cell)
			if st.CustomNumFmt == nil || *st.CustomNumFmt != `#,##0"円"` {
				t.Errorf("%s number format = %v, want #,##0\"円\"", cell, st.CustomNumFmt)
			}
			if got, _ := x.GetCellValue("事業報告書", cell); got != want {
				t.Errorf("%s shows %q, want %q", cell, got, want)
			}
		}
	})
	t.Run("Sen", func(t *testing.T) {
		st := style("B4")
		if st.CustomNumFmt == nil || *st.CustomNumFmt != `#,##0"千円"` {
			t.Errorf("B4 number format = %v, want #,##0\"千円\"", st.CustomNumFmt)
		}
		if got, _ := x.GetCellValue("事業報告書", "B4"); got != "629千円" {
			t.Errorf("B4 shows %q, want 629千円", got)
		}
	})
	t.Run("Wrap", func(t *testing.T) {
		st := style("A4")
		if st.Alignment == nil || !st.Alignment.WrapText || st.Alignment.Vertical != "top" {
			t.Errorf("A4 alignment = %+v, want wrapped, top", st.Alignment)
		}
	})
	t.Run("RowFitsWrappedText", func(t *testing.T) {
		// 長い説明 (8 columns wide in a 30-wide column) needs one line; the
		// long text below needs several.
		if h, _ := x.GetRowHeight("事業報告書", 4); h != 15 {
			t.Errorf("row 4 height = %v, want the default 15", h)
		}
		if h, _ := x.GetRowHeight("事業報告書", 5); h != 87.5 {
			t.Errorf("row 5 height = %v, want 87.5 (five lines of 17.5 points)", h)
		}
	})
	t.Run("PrintsA4LandscapeOnePageWide", func(t *testing.T) {
		pl, err := x.GetPageLayout("事業報告書")
		if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 ||
			pl.Size == nil || *pl.Size != 9 {
			t.Errorf("page layout = %+v, %v", pl, err)
		}
	})
	t.Run("Widths", func(t *testing.T) {
		for col, want := range map[string]float64{"A": 30, "C": 12.5} {
			if got, _ := x.GetColWidth("事業報告書", col); got != want {
				t.Errorf("column %s width = %v, want %v", col, got, want)
			}
		}
		if got, _ := x.GetColWidth("事業報告書", "B"); got == 0 || got == 30 {
			t.Errorf("column B width = %v, want the default", got)
		}
	})
}

// TestWorkbookWrite_NewFile creates the workbook with only katsudo's tabs,
// without Excel's empty default Sheet1.
func TestWorkbookWrite_NewFile(t *testing.T) {
	tests := []struct {
		name   string
		sheets []string
		want   []string
	}{
		{"DefaultSheetRemoved", []string{"事業報告書", "チェック"}, []string{"事業報告書", "チェック"}},
		{"Sheet1Written", []string{"チェック", "Sheet1"}, []string{"チェック", "Sheet1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "new.xlsx")
			var sheets []activity.Sheet
			for _, name := range tt.sheets {
				sheets = append(sheets, activity.Sheet{Name: name, Rows: [][]activity.Value{{activity.Str(name, 0)}}})
			}
			MustWrite(t, path, sheets...)
			x := MustOpenExcelize(t, path)
			if diff := cmp.Diff(tt.want, x.GetSheetList()); diff != "" {
				t.Errorf("tabs mismatch (-want +got):\n%s", diff)
			}
			for _, name := range tt.sheets {
				if got := MustRead(t, path, name)[name]; !cmp.Equal(got, activity.Grid{row(txt(name))}) {
					t.Errorf("tab %s = %v", name, got)
				}
			}
			if got := x.GetSheetName(x.GetActiveSheetIndex()); got != tt.sheets[0] {
				t.Errorf("active tab %q, want %q", got, tt.sheets[0])
			}
			if extra := leftovers(t, filepath.Dir(path), path); len(extra) > 0 {
				t.Errorf("files left behind: %v", extra)
			}
		})
	}
}
