package xlsx_test

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
)

// reportLike is a report tab of n program lines under a title, a blank row
// and the table header, with the kind total and 合計 last.
func reportLike(n int) activity.Sheet {
	rows := [][]activity.Value{{activity.Str("2021年度 事業報告書", activity.Bold)}, {}, {}, {activity.Str("事業名", activity.Bold|activity.Ruled), activity.Str("事業内容", activity.Bold|activity.Ruled)}}
	headings := []int{len(rows)}
	rows = append(rows, []activity.Value{activity.Str("特定非営利活動に係る事業", activity.Bold|activity.Ruled)})
	for i := range n {
		rows = append(rows, []activity.Value{activity.Str("事業 "+strconv.Itoa(i), activity.Ruled), activity.Str(strings.Repeat("説明", 30), activity.Wrap|activity.Ruled)})
	}
	rows = append(rows,
		[]activity.Value{activity.Str("特定非営利活動に係る事業 計", activity.Bold|activity.Ruled), activity.Int(100, activity.Yen|activity.Ruled)},
		[]activity.Value{activity.Str("合計", activity.Bold|activity.Ruled), activity.Int(100, activity.Yen|activity.Bold|activity.Ruled)})
	return activity.Sheet{Name: "事業報告書", Rows: rows, Widths: []float64{34, 48}, FrozenRows: 4,
		Print: &activity.PrintLayout{Landscape: true, HeaderFrom: 3, HeaderTo: 3, KeepLast: 2, KeepWithNext: headings}}
}

// TestWorkbookWrite_PrintLayout: the report prints on A4 landscape, one
// page wide, ruled, with the table header on every page; a short one on
// one page, a long one broken so that 合計 starts its page with the line
// before it.
func TestWorkbookWrite_PrintLayout(t *testing.T) {
	brk := regexp.MustCompile(`<brk id="(\d+)"`)
	tests := []struct {
		name     string
		lines    int
		oneTall  bool
		minPages int
	}{
		{"ShortFitsOnePage", 5, true, 1},
		{"LongBreaksKeepingTheTotals", 120, false, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "report.xlsx")
			s := reportLike(tt.lines)
			MustWrite(t, path, s)
			x := MustOpenExcelize(t, path)
			pl, err := x.GetPageLayout("事業報告書")
			if err != nil || pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" {
				t.Errorf("page layout = %+v, %v; want A4 (9) landscape", pl, err)
			}
			if tall := pl.FitToHeight != nil && *pl.FitToHeight == 1; tall != tt.oneTall {
				t.Errorf("fit to one page tall = %v, want %v", tall, tt.oneTall)
			}
			titles := ""
			for _, dn := range x.GetDefinedName() {
				if dn.Name == "_xlnm.Print_Titles" && dn.Scope == "事業報告書" {
					titles = dn.RefersTo
				}
			}
			if titles != "'事業報告書'!$4:$4" {
				t.Errorf("print titles = %q, want '事業報告書'!$4:$4 (the table header on every page)", titles)
			}
			st, err := x.GetCellStyle("事業報告書", "A5")
			if err != nil {
				t.Fatal(err)
			}
			style, err := x.GetStyle(st)
			if err != nil || len(style.Border) != 4 {
				t.Errorf("A5 border = %+v, %v; want thin lines on four sides", style.Border, err)
			}
			var breaks []int
			for _, m := range brk.FindAllStringSubmatch(MustTabXML(t, path, "事業報告書"), -1) {
				n, _ := strconv.Atoi(m[1])
				breaks = append(breaks, n)
			}
			if tt.oneTall {
				if len(breaks) != 0 {
					t.Errorf("breaks %v on a one-page report", breaks)
				}
				return
			}
			if len(breaks)+1 < tt.minPages {
				t.Fatalf("breaks %v: %d pages, want at least %d", breaks, len(breaks)+1, tt.minPages)
			}
			if last, lastLine := breaks[len(breaks)-1], len(s.Rows)-3; last > lastLine {
				t.Errorf("the last page starts at row %d, after the last program line (%d): 合計 alone", last, lastLine)
			}
			for _, b := range breaks {
				if b-1 == 4 {
					t.Errorf("a page ends with the heading row 5")
				}
			}
		})
	}
	t.Run("SecondWriteKeepsOneTitle", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "report.xlsx")
		MustWrite(t, path, reportLike(5))
		MustWrite(t, path, reportLike(5), activity.Sheet{Name: "チェック", Rows: [][]activity.Value{{activity.Str("重要度", 0)}},
			Print: &activity.PrintLayout{Landscape: true, HeaderFrom: 0, HeaderTo: 0}})
		n := 0
		for _, dn := range MustOpenExcelize(t, path).GetDefinedName() {
			if dn.Name == "_xlnm.Print_Titles" {
				n++
			}
		}
		if n != 2 {
			t.Errorf("%d print titles after two writes, want 2 (one per tab)", n)
		}
	})
}
