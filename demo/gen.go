//go:build ignore

// gen writes katsudo-demo-input.xlsx, the demo workbook, from the literals
// in data.go: go generate ./demo.
//
// Each cell is written as the kind the literal says — text as text (never
// parsed, so `1-1` stays text and `平成2022年3月31日` is not "fixed"),
// numbers as numbers — so that a user who opens the workbook sees what the
// members typed, and katsudo reads back exactly the literals. Date serials
// get a date format, amounts a thousands separator; headers are bold and
// frozen; columns are as wide as their content.
//
// gen imports the demo package, which embeds the workbook it replaces: if
// the file is missing, create an empty one first
// (touch katsudo-demo-input.xlsx), then run go generate ./demo.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/demo"
	"github.com/xuri/excelize/v2"
)

const out = "katsudo-demo-input.xlsx"

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run() error {
	in := demo.Grids()
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	tabs := []struct {
		name string
		grid activity.Grid
	}{{in.Tabs.Log, in.Log}, {in.Tabs.Programs, in.Programs}, {in.Tabs.Members, in.Members}}
	for i, t := range tabs {
		if i == 0 {
			err = f.SetSheetName("Sheet1", t.name)
		} else {
			_, err = f.NewSheet(t.name)
		}
		if err != nil {
			return fmt.Errorf("add tab %s: %w", t.name, err)
		}
		if err := writeTab(f, t.name, t.grid, st); err != nil {
			return fmt.Errorf("write tab %s: %w", t.name, err)
		}
	}
	f.SetActiveSheet(0)
	// Fixed properties keep the file byte-for-byte the same from one run
	// to the next, so that git only sees real changes.
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:    demo.Organization + " 活動ログ（2021年度・デモ）",
		Creator:  "katsudo",
		Created:  "2022-04-15T00:00:00Z",
		Modified: "2022-04-15T00:00:00Z",
		Language: "ja-JP",
	}); err != nil {
		return fmt.Errorf("document properties: %w", err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return fmt.Errorf("encode %s: %w", out, err)
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// styles are the style IDs the workbook uses.
type styles struct {
	header, date, yen, wrap int
}

func newStyles(f *excelize.File) (styles, error) {
	dateFmt := "yyyy/m/d"
	var s styles
	var err error
	for _, x := range []struct {
		id    *int
		style excelize.Style
	}{
		{&s.header, excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&s.date, excelize.Style{CustomNumFmt: &dateFmt}},
		{&s.yen, excelize.Style{NumFmt: 3}}, // #,##0
		{&s.wrap, excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
	} {
		if *x.id, err = f.NewStyle(&x.style); err != nil {
			return s, fmt.Errorf("style: %w", err)
		}
	}
	return s, nil
}

// Column roles, by header: how a number or a long text in that column is shown.
var (
	dateColumns  = map[string]bool{"日付": true}
	moneyColumns = map[string]bool{"支出額": true, "予算額": true, "決算額": true}
	wrapColumns  = map[string]bool{"内容": true, "事業名": true}
)

const maxWidth = 48

func writeTab(f *excelize.File, sheet string, g activity.Grid, st styles) error {
	var header []string
	if len(g) > 0 {
		for _, c := range g[0] {
			header = append(header, c.String())
		}
	}
	role := func(col int) string {
		if col < len(header) {
			return header[col]
		}
		return ""
	}
	var widths []int
	for r, row := range g {
		for c, cell := range row {
			ref, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return err
			}
			style, w := 0, 0
			switch cell.Kind {
			case activity.CellEmpty:
				continue
			case activity.CellText:
				err = f.SetCellStr(sheet, ref, cell.Text)
				w = textWidth(cell.Text)
				switch {
				case r == 0:
					style = st.header
				case wrapColumns[role(c)] && w > maxWidth:
					style = st.wrap
				}
			case activity.CellNumber:
				err = f.SetCellFloat(sheet, ref, cell.Num, -1, 64)
				w = len(strconv.FormatFloat(cell.Num, 'f', -1, 64)) + 2
				switch {
				case dateColumns[role(c)]:
					style, w = st.date, 10
				case moneyColumns[role(c)]:
					style = st.yen
				}
			case activity.CellBool:
				err = f.SetCellBool(sheet, ref, cell.Bool)
				w = 5
			default:
				return fmt.Errorf("%s: a %v cell cannot be written", ref, cell.Kind)
			}
			if err != nil {
				return err
			}
			if style != 0 {
				if err := f.SetCellStyle(sheet, ref, ref, style); err != nil {
					return err
				}
			}
			for len(widths) <= c {
				widths = append(widths, 0)
			}
			widths[c] = max(widths[c], w)
		}
	}
	for c, w := range widths {
		name, err := excelize.ColumnNumberToName(c + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, name, name, float64(min(max(w+2, 8), maxWidth))); err != nil {
			return err
		}
	}
	if len(widths) > 0 {
		// The used range, which some readers size the sheet by.
		corner, err := excelize.CoordinatesToCellName(len(widths), len(g))
		if err != nil {
			return err
		}
		if err := f.SetSheetDimension(sheet, "A1:"+corner); err != nil {
			return err
		}
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// textWidth is how many columns text takes on screen: two for each
// full-width character, one for the rest; the longest line counts.
func textWidth(s string) int {
	widest := 0
	for _, line := range strings.Split(s, "\n") {
		w := 0
		for _, r := range line {
			if r < 0x1100 || r >= 0xff61 && r <= 0xff9f {
				w++
			} else {
				w += 2
			}
		}
		widest = max(widest, w)
	}
	return widest
}
