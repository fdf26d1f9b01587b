package xlsx

import (
	"unicode/utf16"

	"github.com/katsudo-npo/katsudo/activity"
)

// yenFormat shows an amount as 12,345円 and a negative one as -12,345円.
const yenFormat = `#,##0"円"`

// senFormat shows an amount already in thousands of yen as 12,345千円.
const senFormat = `#,##0"千円"`

// maxColWidth is Excel's widest column; a wider one is narrowed to it.
const maxColWidth = 255

// maxCellText is the longest text Excel keeps in a cell, in UTF-16 units.
const maxCellText = 32767

// Row heights, in points: Excel and LibreOffice do not fit a row to its
// wrapped text when they open a file, so the writer sets the height.
const (
	lineHeight = 15.0
	// wrapLineHeight is a line of wrapped text: Japanese fonts set lines
	// taller than Calibri's 15 points.
	wrapLineHeight = 17.5
	maxRowHeight   = 409.0 // Excel's limit
	defaultWidth   = 8.43  // Excel's default column width, in characters
)

// rowHeight is the height a row needs to show its wrapped text whole, or 0
// when one line is enough.
func rowHeight(row []activity.Value, widths []float64) float64 {
	lines := 1
	for c, v := range row {
		if v.Style&activity.Wrap == 0 || v.Text == "" {
			continue
		}
		width := defaultWidth
		if c < len(widths) && widths[c] > 0 {
			width = min(widths[c], maxColWidth)
		}
		lines = max(lines, wrappedLines(v.Text, width))
	}
	if lines == 1 {
		return 0
	}
	return min(float64(lines)*wrapLineHeight, maxRowHeight)
}

// wrappedLines counts the lines text takes in a column width characters
// wide; a Japanese character takes about two (2.2: printed with
// LibreOffice's CJK fonts, two let the last line of a cell spill over).
func wrappedLines(text string, width float64) int {
	lines, used := 1, 0.0
	for _, r := range text {
		if r == '\n' {
			lines, used = lines+1, 0
			continue
		}
		w := 1.0
		if r >= 0x1100 && !(r >= 0xff61 && r <= 0xff9f) {
			w = 2.2 // LibreOffice's CJK fonts run a little wider than two
		}
		if used+w > width {
			lines, used = lines+1, 0
		}
		used += w
	}
	return lines
}

// utf16Len is the length Excel measures strings in.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
