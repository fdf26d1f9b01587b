package xlsx

import (
	"fmt"
	"strconv"
	"unicode/utf16"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/xuri/excelize/v2"
)

// yenFormat shows an amount as 12,345円 and a negative one as -12,345円.
const yenFormat = `#,##0"円"`

// senFormat shows an amount already in thousands of yen as 12,345千円.
const senFormat = `#,##0"千円"`

// maxColWidth is Excel's widest column; a wider one is narrowed to it.
const maxColWidth = 255

// maxCellText is the longest text Excel keeps in a cell, in UTF-16 units.
const maxCellText = 32767

// fill writes the rows of s into its new, empty tab, with its column
// widths, frozen header rows and cell styles. Text goes in as inline
// strings: Excel, LibreOffice and Google Sheets show it as typed and never
// evaluate it, even when it starts with "=".
func (b *bookWriter) fill(s activity.Sheet) error {
	// Before the stream writer: it keeps the sheet settings made so far.
	if err := b.printLayout(s.Name); err != nil {
		return err
	}
	sw, err := b.f.NewStreamWriter(s.Name)
	if err != nil {
		return err
	}
	for i, width := range s.Widths {
		if width <= 0 {
			continue
		}
		if err := sw.SetColWidth(i+1, i+1, min(width, maxColWidth)); err != nil {
			return fmt.Errorf("column %s width %g: %w", activity.ColumnName(i), width, err)
		}
	}
	if n := s.FrozenRows; n > 0 {
		below := "A" + strconv.Itoa(n+1)
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: n, TopLeftCell: below, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: below, ActiveCell: below, Pane: "bottomLeft"}},
		}); err != nil {
			return fmt.Errorf("freeze %d rows: %w", n, err)
		}
	}
	if len(s.Rows) > maxRows {
		return fmt.Errorf("%d rows, Excel allows %d", len(s.Rows), maxRows)
	}
	var vals []any
	for r, row := range s.Rows {
		if len(row) > maxCols {
			return fmt.Errorf("row %d has %d columns, Excel allows %d", r+1, len(row), maxCols)
		}
		vals = vals[:0]
		empty := true
		for c, v := range row {
			st := v.Style
			if r < s.FrozenRows {
				st |= activity.Bold
			}
			id, err := b.style(st)
			if err != nil {
				return err
			}
			switch {
			case v.IsNum:
				vals = append(vals, excelize.Cell{StyleID: id, Value: v.Num})
			case v.Text != "":
				if len(v.Text) > maxCellText && utf16Len(v.Text) > maxCellText {
					return fmt.Errorf("cell %s: %d characters of text, Excel allows %d",
						activity.CellRef(s.Name, r, c), utf16Len(v.Text), maxCellText)
				}
				vals = append(vals, excelize.Cell{StyleID: id, Value: v.Text})
			case v.Style != 0 || r < s.FrozenRows:
				vals = append(vals, excelize.Cell{StyleID: id})
			default:
				vals = append(vals, nil)
				continue
			}
			empty = false
		}
		if empty {
			continue
		}
		var opts []excelize.RowOpts
		if h := rowHeight(row, s.Widths); h > 0 {
			opts = append(opts, excelize.RowOpts{Height: h})
		}
		if err := sw.SetRow("A"+strconv.Itoa(r+1), vals, opts...); err != nil {
			return fmt.Errorf("row %d: %w", r+1, err)
		}
	}
	return sw.Flush()
}

// printLayout prints a tab landscape, as wide as one page: the report goes
// to the prefecture on paper.
func (b *bookWriter) printLayout(tab string) error {
	landscape, one, any, fit := "landscape", 1, 0, true
	if err := b.f.SetPageLayout(tab, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &any}); err != nil {
		return fmt.Errorf("page layout: %w", err)
	}
	if err := b.f.SetSheetProps(tab, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fmt.Errorf("page layout: %w", err)
	}
	return nil
}

// style returns the excelize style for a set of katsudo's style flags,
// creating it once per workbook.
func (b *bookWriter) style(st activity.Style) (int, error) {
	if id, ok := b.styles[st]; ok {
		return id, nil
	}
	// Every cell sits at the top, level with the first line of the
	// wrapped text beside it.
	x := excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}
	if st&activity.Bold != 0 {
		x.Font = &excelize.Font{Bold: true}
	}
	if st&activity.Yen != 0 {
		code := yenFormat
		x.CustomNumFmt = &code
	}
	if st&activity.Sen != 0 {
		code := senFormat
		x.CustomNumFmt = &code
	}
	if st&activity.Wrap != 0 {
		x.Alignment = &excelize.Alignment{WrapText: true, Vertical: "top"}
	}
	id, err := b.f.NewStyle(&x)
	if err != nil {
		return 0, fmt.Errorf("cell style: %w", err)
	}
	b.styles[st] = id
	return id, nil
}

// Row heights, in points: Excel and LibreOffice do not fit a row to its
// wrapped text when they open a file, so the writer sets the height.
const (
	lineHeight   = 15.0
	maxRowHeight = 409.0 // Excel's limit
	defaultWidth = 8.43  // Excel's default column width, in characters
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
	return min(float64(lines)*lineHeight, maxRowHeight)
}

// wrappedLines counts the lines text takes in a column width characters
// wide; a Japanese character takes two.
func wrappedLines(text string, width float64) int {
	lines, used := 1, 0.0
	for _, r := range text {
		if r == '\n' {
			lines, used = lines+1, 0
			continue
		}
		w := 1.0
		if r >= 0x1100 && !(r >= 0xff61 && r <= 0xff9f) {
			w = 2
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
