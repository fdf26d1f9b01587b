package sync

import (
	"fmt"
	"strconv"

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
			case id != 0:
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
		if err := sw.SetRow("A"+strconv.Itoa(r+1), vals); err != nil {
			return fmt.Errorf("row %d: %w", r+1, err)
		}
	}
	return sw.Flush()
}

// style returns the excelize style for a set of katsudo's style flags,
// creating it once per workbook.
func (b *bookWriter) style(st activity.Style) (int, error) {
	if st == 0 {
		return 0, nil
	}
	if id, ok := b.styles[st]; ok {
		return id, nil
	}
	var x excelize.Style
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
