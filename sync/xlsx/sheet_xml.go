package xlsx

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/katsudo-npo/katsudo/activity"
)

const (
	nsMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// checkSheet refuses, before the file is touched, a tab Excel could not
// hold: too many rows or columns, or a cell with more text than Excel
// keeps. It returns the used range's last row and column (0 when empty).
func checkSheet(s activity.Sheet) (rows, cols int, err error) {
	if len(s.Rows) > maxRows {
		return 0, 0, fmt.Errorf("%d rows, Excel allows %d", len(s.Rows), maxRows)
	}
	for r, row := range s.Rows {
		if len(row) > maxCols {
			return 0, 0, fmt.Errorf("row %d has %d columns, Excel allows %d", r+1, len(row), maxCols)
		}
		for c, v := range row {
			if !v.IsNum && len(v.Text) > maxCellText && utf16Len(v.Text) > maxCellText {
				return 0, 0, fmt.Errorf("cell %s: %d characters of text, Excel allows %d",
					activity.CellRef(s.Name, r, c), utf16Len(v.Text), maxCellText)
			}
			if written(v, r < s.FrozenRows) {
				rows, cols = r+1, max(cols, c+1)
			}
		}
	}
	return rows, cols, nil
}

// written reports whether a value becomes a cell: it has a number, text
// or a style (a header cell is bold even when blank).
func written(v activity.Value, header bool) bool {
	return v.IsNum || v.Text != "" || v.Style != 0 || header
}

// writeSheet writes s as a worksheet part: column widths, frozen header
// rows, the print layout (A4, one page wide, see planPages: the report
// goes to the prefecture on paper), and the cells. Text goes in as inline strings:
// Excel, LibreOffice and Google Sheets show it as typed and never evaluate
// it, even when it starts with "=". styles maps katsudo's styles to the
// workbook's cell formats; selected marks the tab Excel opens on.
func writeSheet(out io.Writer, s activity.Sheet, styles map[activity.Style]int, selected bool) error {
	lastRow, lastCol, err := checkSheet(s)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(out, 64<<10)
	w.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	w.WriteString(`<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	w.WriteString(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	dim := "A1"
	if lastRow > 0 {
		dim = "A1:" + activity.ColumnName(lastCol-1) + strconv.Itoa(lastRow)
	}
	w.WriteString(`<dimension ref="` + dim + `"/>`)
	w.WriteString(`<sheetViews><sheetView workbookViewId="0"`)
	if selected {
		w.WriteString(` tabSelected="1"`)
	}
	if n := s.FrozenRows; n > 0 {
		below := "A" + strconv.Itoa(n+1)
		fmt.Fprintf(w, `><pane ySplit="%d" topLeftCell="%s" activePane="bottomLeft" state="frozen"/>`+
			`<selection pane="bottomLeft" activeCell="%s" sqref="%s"/></sheetView>`, n, below, below, below)
	} else {
		w.WriteString(`/>`)
	}
	w.WriteString(`</sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	cols := false
	for i, width := range s.Widths {
		if width <= 0 {
			continue
		}
		if !cols {
			w.WriteString(`<cols>`)
			cols = true
		}
		fmt.Fprintf(w, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, i+1, i+1, formatNum(min(width, maxColWidth)))
	}
	if cols {
		w.WriteString(`</cols>`)
	}
	w.WriteString(`<sheetData>`)
	var ref []byte
	for r, row := range s.Rows {
		header := r < s.FrozenRows
		any := false
		for _, v := range row {
			any = any || written(v, header)
		}
		if !any {
			continue
		}
		rowNum := strconv.Itoa(r + 1)
		w.WriteString(`<row r="` + rowNum + `"`)
		if h := rowHeight(row, s.Widths); h > 0 {
			w.WriteString(` ht="` + formatNum(h) + `" customHeight="1"`)
		}
		w.WriteString(`>`)
		for c, v := range row {
			if !written(v, header) {
				continue
			}
			st := v.Style
			if header {
				st |= activity.Bold
			}
			ref = append(append(ref[:0], activity.ColumnName(c)...), rowNum...)
			writeCell(w, ref, styles[st], v)
		}
		w.WriteString(`</row>`)
	}
	w.WriteString(`</sheetData>`)
	w.WriteString(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`)
	plan := planPages(s)
	w.WriteString(plan.pageSetupXML())
	w.WriteString(plan.rowBreaksXML())
	w.WriteString(`</worksheet>`)
	return w.Flush()
}

// writeCell writes one cell: a number as a value, text as an inline
// string, a styled blank as an empty cell.
func writeCell(w *bufio.Writer, ref []byte, style int, v activity.Value) {
	w.WriteString(`<c r="`)
	w.Write(ref)
	w.WriteString(`"`)
	if style != 0 {
		w.WriteString(` s="` + strconv.Itoa(style) + `"`)
	}
	switch {
	case v.IsNum:
		w.WriteString(`><v>` + strconv.FormatInt(v.Num, 10) + `</v></c>`)
	case v.Text != "":
		w.WriteString(` t="inlineStr"><is><t xml:space="preserve">`)
		writeText(w, v.Text)
		w.WriteString(`</t></is></c>`)
	default:
		w.WriteString(`/>`)
	}
}

// formatNum writes a number as Excel stores it: the shortest decimal that
// reads back as the same float64.
func formatNum(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// writeText escapes s for an element's text: the XML specials, characters
// XML 1.0 cannot carry as _xHHHH_, and a literal _xHHHH_ in the text with
// its underscore escaped, so that Excel shows exactly s.
func writeText(w *bufio.Writer, s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '&':
				w.WriteString("&amp;")
			case c == '<':
				w.WriteString("&lt;")
			case c == '>':
				w.WriteString("&gt;")
			case c == '\r':
				w.WriteString("&#13;")
			case c < 0x20 && c != '\t' && c != '\n':
				fmt.Fprintf(w, "_x%04X_", c)
			case c == '_' && looksEscaped(s[i:]):
				w.WriteString("_x005F_")
			default:
				w.WriteByte(c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			w.WriteString("\uFFFD")
		} else {
			w.WriteString(s[i : i+n])
		}
		i += n
	}
}

// looksEscaped reports whether s starts with _xHHHH_, which a reader would
// take for an escaped character.
func looksEscaped(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
