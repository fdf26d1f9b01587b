package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
)

// A4 in points, and the page margins the writer sets (inches, as Excel
// writes them): what is left is the printable area.
const (
	a4Short, a4Long         = 595.0, 842.0
	marginSide, marginTopBt = 0.7, 0.75
	pointsPerInch           = 72.0
	// pageSafety keeps estimated pages a little short of the real ones:
	// the writer estimates row heights, Excel and LibreOffice measure
	// them, and a page break the writer planned must come before theirs.
	pageSafety = 0.9
	// shrinkToOne is how far past one page a tab may run and still be
	// shrunk to one page rather than spill a few lines onto a second.
	shrinkToOne = 1.3
)

// pagePlan is how a tab prints: on A4, turned or not, one page wide, and
// either shrunk to one page tall or broken before the rows it names.
type pagePlan struct {
	landscape bool
	oneTall   bool  // fitToHeight 1: the whole tab on one page
	breaks    []int // zero-based rows that start a page
}

// planPages decides how s prints. It estimates each row's height (as the
// writer sets it) against the page at the scale that makes the columns
// fit the page's width. A tab that fits on one page, or nearly, prints on
// one. A longer one gets a page break wherever a page fills, each page
// under the repeated header rows, and its last KeepLast rows (the totals)
// start their page with the row before them, so 合計 is never alone.
func planPages(s activity.Sheet) pagePlan {
	pr := s.Print
	if pr == nil {
		pr = &activity.PrintLayout{Landscape: true, HeaderTo: -1}
	}
	plan := pagePlan{landscape: pr.Landscape}
	pageW, pageH := a4Short, a4Long
	if pr.Landscape {
		pageW, pageH = a4Long, a4Short
	}
	width := 0.0
	cols := 0
	for _, row := range s.Rows {
		cols = max(cols, len(row))
	}
	for c := range cols {
		w := defaultWidth
		if c < len(s.Widths) && s.Widths[c] > 0 {
			w = min(s.Widths[c], maxColWidth)
		}
		width += (w*7 + 5) * 0.75 // characters → pixels → points
	}
	scale := 1.0
	if printable := pageW - 2*marginSide*pointsPerInch; width > printable {
		scale = printable / width
	}
	room := (pageH - 2*marginTopBt*pointsPerInch) / scale * pageSafety
	heights := make([]float64, len(s.Rows))
	total, header := 0.0, 0.0
	for r, row := range s.Rows {
		heights[r] = lineHeight
		if h := rowHeight(row, s.Widths); h > 0 {
			heights[r] = h
		}
		total += heights[r]
		if r >= pr.HeaderFrom && r <= pr.HeaderTo {
			header += heights[r]
		}
	}
	if total <= room*shrinkToOne {
		plan.oneTall = true
		return plan
	}
	keep := map[int]bool{}
	for _, r := range pr.KeepWithNext {
		keep[r] = true
	}
	used := 0.0
	start := 0
	for r := range s.Rows {
		if used+heights[r] > room && r > start {
			b := r
			for b-1 > start && keep[b-1] {
				b-- // a heading goes to the next page with its first line
			}
			plan.breaks = append(plan.breaks, b)
			start, used = b, header
			for i := b; i < r; i++ {
				used += heights[i]
			}
		}
		used += heights[r]
	}
	// The totals start their page with the row before them.
	if n := pr.KeepLast; n > 0 && len(plan.breaks) > 0 {
		last := plan.breaks[len(plan.breaks)-1]
		if first := len(s.Rows) - n - 1; last > first && first > 0 {
			plan.breaks[len(plan.breaks)-1] = first
			if n := len(plan.breaks); n > 1 && plan.breaks[n-2] >= first {
				plan.breaks = plan.breaks[:n-1]
			}
		}
	}
	return plan
}

// pageSetupXML is the worksheet's page setup, after pageMargins: A4
// (paperSize 9), one page wide, one page tall when the plan says so.
func (p pagePlan) pageSetupXML() string {
	orientation := "portrait"
	if p.landscape {
		orientation = "landscape"
	}
	tall := 0
	if p.oneTall {
		tall = 1
	}
	return fmt.Sprintf(`<pageSetup paperSize="9" orientation="%s" fitToWidth="1" fitToHeight="%d"/>`, orientation, tall)
}

// rowBreaksXML is the worksheet's page breaks, after pageSetup; "" when
// there are none.
func (p pagePlan) rowBreaksXML() string {
	if len(p.breaks) == 0 {
		return ""
	}
	var b strings.Builder
	n := strconv.Itoa(len(p.breaks))
	b.WriteString(`<rowBreaks count="` + n + `" manualBreakCount="` + n + `">`)
	for _, r := range p.breaks {
		b.WriteString(`<brk id="` + strconv.Itoa(r) + `" max="16383" man="1"/>`)
	}
	b.WriteString(`</rowBreaks>`)
	return b.String()
}

// printTitles is the value of the tab's _xlnm.Print_Titles name: the rows
// printed at the top of every page ('事業報告書'!$4:$4), or "".
func printTitles(s activity.Sheet) string {
	pr := s.Print
	if pr == nil || pr.HeaderTo < pr.HeaderFrom || pr.HeaderFrom < 0 {
		return ""
	}
	return "'" + strings.ReplaceAll(s.Name, "'", "''") + "'!$" + strconv.Itoa(pr.HeaderFrom+1) + ":$" + strconv.Itoa(pr.HeaderTo+1)
}
