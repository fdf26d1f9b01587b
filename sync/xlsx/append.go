package xlsx

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/katsudo-npo/katsudo/activity"
)

// Append adds rows below the last row holding a value in a tab, from the
// column of at (the cell where the tab's table starts, B3) on, and
// replaces the file in one step as Write does: on any error the old file
// is left untouched. Values are written as text (inline strings), so one
// starting with = is never run as a formula; an empty value leaves its
// cell alone. It returns the A1 range the rows landed in. It is the one
// write katsudo makes to a tab members own: a row a member logged from
// Slack. A tab that does not exist is an *activity.TabNotFoundError.
//
// The tab's XML is streamed twice (find the last row with a value, then
// copy it with the rows added and its <dimension> widened) and every other
// part is copied still compressed, so memory does not depend on the log's
// size. Each new cell takes the cell format of the cell above it when the
// last filled row is a data row (not the header at at). Blank rows below
// the last value that only carry formatting are replaced where the new
// rows go; formatted rows further down are kept. An Excel table (list
// object) over the log is extended to take in the new rows (growTables).
func (w *Workbook) Append(ctx context.Context, tab, at string, rows [][]string) (_ string, err error) {
	defer recoverAs(&err, "append to tab "+quoteTab(tab)+" in "+w.path)
	add, err := w.newAddition(tab, at, rows)
	if err != nil {
		return "", err
	}
	return w.commit(ctx, nil, add)
}

// addition is rows to append below a tab's last row holding a value,
// from the column of at on.
type addition struct {
	tab, file  string
	col0, row0 int // at, 0-based
	rows       [][]string
	width      int
	// Set by plan: the tab's own name and the first row (1-based) the
	// rows go to.
	name string
	next int
}

func (w *Workbook) newAddition(tab, at string, rows [][]string) (*addition, error) {
	col0, row0, ok := parseRef(at)
	if !ok {
		return nil, fmt.Errorf("append to %s: %q is not a cell reference", w.path, at)
	}
	width := 1
	for i, row := range rows {
		if col0+len(row) > maxCols {
			return nil, fmt.Errorf("append to %s: row %d reaches past Excel's last column", w.path, i+1)
		}
		for c, v := range row {
			if len(v) > maxCellText && utf16Len(v) > maxCellText {
				return nil, fmt.Errorf("append to %s: cell %s of the new rows: %d characters of text, Excel allows %d",
					w.path, activity.CellRef(tab, i, col0+c), utf16Len(v), maxCellText)
			}
		}
		width = max(width, len(row))
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("append to %s: no rows", w.path)
	}
	return &addition{tab: tab, file: w.path, col0: col0, row0: row0, rows: rows, width: width}, nil
}

// plan adds to pl the streaming of the tab's part with the rows added.
func (a *addition) plan(p *xlsxPackage, pl *bookPlan) error {
	t, ok := p.tab(a.tab)
	if !ok || t.kind != "worksheet" || !p.has(t.part) {
		return &activity.TabNotFoundError{Tab: a.tab, File: a.file, Tabs: p.tabNames()}
	}
	a.name = t.name
	rc, err := p.open(t.part)
	if err != nil {
		return err
	}
	end, err := scanTail(rc)
	rc.Close()
	if err != nil {
		return damaged(fmt.Errorf("tab %q: %w", t.name, err))
	}
	a.next = max(a.row0+1, end.last+1) // 1-based; at's row is the header
	if end.last <= a.row0+1 {
		end.styles = nil // the header's look is not the rows'
	}
	if a.next+len(a.rows)-1 > maxRows {
		return fmt.Errorf("tab %q: %d rows, Excel allows %d", t.name, a.next+len(a.rows)-1, maxRows)
	}
	if err := a.growTables(p, pl, t.part, a.next-1+len(a.rows)-1); err != nil {
		return err
	}
	ap := &appender{rows: a.rows, col0: a.col0, first: a.next, styles: end.styles}
	if pl.transform == nil {
		pl.transform = map[string]func(io.Writer, io.Reader) error{}
	}
	pl.transform[partKey(t.part)] = ap.copy
	return nil
}

// landed is the A1 range the rows went to, once the write is done.
func (a *addition) landed(err error) (string, error) {
	if err != nil {
		var nf *activity.TabNotFoundError
		if errors.As(err, &nf) {
			return "", nf
		}
		return "", err
	}
	first := activity.ColumnName(a.col0) + strconv.Itoa(a.next)
	last := activity.ColumnName(a.col0+a.width-1) + strconv.Itoa(a.next+len(a.rows)-1)
	return quoteTab(a.name) + "!" + first + ":" + last, nil
}

// logTail is what Append needs to know about a tab before writing: its
// last row with a value and that row's cell formats by column.
type logTail struct {
	last   int
	styles map[int]string
}

// scanTail streams a worksheet once to find its last row with a value.
func scanTail(r io.Reader) (logTail, error) {
	s := newTagScanner(r)
	var end logTail
	row, col := 0, -1
	var styles map[int]string
	filled, pending := false, false
	endRow := func() {
		if filled {
			end.last, end.styles = row, styles
		}
	}
	for s.next() {
		if pending && len(s.text) > 0 {
			filled = true
		}
		pending = false
		name, isEnd := s.name()
		switch string(name) {
		case "row":
			if isEnd {
				endRow()
				continue
			}
			row = nextRow(s.attr("r"), row)
			col, styles, filled = -1, map[int]string{}, false
			if s.selfClosing() {
				endRow()
			}
		case "c":
			if isEnd {
				continue
			}
			col = nextCol(s.attr("r"), col)
			if st := s.attr("s"); len(st) > 0 && styles != nil {
				styles[col] = string(st)
			}
		case "v", "t":
			pending = !isEnd && !s.selfClosing()
		}
	}
	return end, s.err
}

// nextRow is a row's number: its r attribute, or the one after prev.
func nextRow(r []byte, prev int) int {
	if n, err := strconv.Atoi(string(r)); err == nil && n > 0 {
		return n
	}
	return prev + 1
}

// nextCol is a cell's zero-based column: from its reference, or the one
// after prev.
func nextCol(ref []byte, prev int) int {
	if c, _, ok := parseRef(string(ref)); ok {
		return c
	}
	return prev + 1
}

// appender copies a worksheet with rows added after its last filled row.
type appender struct {
	rows   [][]string
	col0   int // the column of the rows' first value
	first  int
	styles map[int]string
	prefix string // the worksheet's prefix for its elements ("x:"), if any
}

// copy streams the worksheet from src to dst, adding the rows and
// widening the recorded used range (<dimension>) to hold them.
func (a *appender) copy(dst io.Writer, src io.Reader) error {
	s := newTagScanner(src)
	w := bufio.NewWriterSize(dst, 256<<10)
	lastNew := a.first + len(a.rows) - 1
	done, skipping := false, false
	row := 0
	for s.next() {
		if !skipping {
			w.Write(s.text)
		}
		name, isEnd := s.name()
		switch string(name) {
		case "dimension":
			if !isEnd {
				w.WriteString(a.dimension(s))
				continue
			}
		case "row":
			if skipping {
				if isEnd {
					skipping = false
				}
				continue
			}
			if isEnd {
				break
			}
			row = nextRow(s.attr("r"), row)
			if row < a.first {
				break
			}
			if !done {
				a.write(w)
				done = true
			}
			if row <= lastNew {
				// A blank, formatted row where a new row goes.
				skipping = !s.selfClosing()
				continue
			}
		case "sheetData":
			if q := qualified(s.tag); !isEnd {
				if i := bytes.IndexByte(q, ':'); i >= 0 {
					a.prefix = string(q[:i+1])
				}
			}
			switch {
			case isEnd && !done:
				a.write(w)
				done = true
			case !isEnd && s.selfClosing():
				// <sheetData/>: an empty tab.
				w.Write(bytes.TrimRight(s.tag[:len(s.tag)-2], " \t\r\n"))
				w.WriteString(">")
				a.write(w)
				done = true
				w.WriteString("</" + string(qualified(s.tag)) + ">")
				continue
			}
		}
		if !skipping {
			w.Write(s.tag)
		}
	}
	if s.err != nil {
		return damaged(s.err)
	}
	w.Write(s.text)
	if !done {
		return damaged(fmt.Errorf("the tab has no cell data"))
	}
	return w.Flush()
}

// dimension is the <dimension> tag widened to the new rows.
func (a *appender) dimension(s *tagScanner) string {
	cols := 0
	for _, r := range a.rows {
		cols = max(cols, len(r))
	}
	lastRow, lastCol := a.first+len(a.rows)-1, a.col0+max(cols-1, 0)
	if b, ok := parseRange(string(s.attr("ref"))); ok {
		lastRow, lastCol = max(lastRow, b[2]+1), max(lastCol, b[3])
	}
	ref := "A1:" + activity.ColumnName(lastCol) + strconv.Itoa(lastRow)
	end := ">"
	if s.selfClosing() {
		end = "/>"
	}
	return "<" + string(qualified(s.tag)) + ` ref="` + ref + `"` + end
}

// qualified is a tag's element name as written, with its prefix.
func qualified(tag []byte) []byte {
	i := 1
	for i < len(tag) && !isSpace(tag[i]) && tag[i] != '>' && tag[i] != '/' {
		i++
	}
	return tag[1:i]
}

// write writes the new rows.
func (a *appender) write(w *bufio.Writer) {
	var ref []byte
	for i, row := range a.rows {
		n := strconv.Itoa(a.first + i)
		p := a.prefix
		w.WriteString(`<` + p + `row r="` + n + `">`)
		for j, v := range row {
			if v == "" {
				continue
			}
			c := a.col0 + j
			ref = append(append(ref[:0], activity.ColumnName(c)...), n...)
			w.WriteString(`<` + p + `c r="`)
			w.Write(ref)
			w.WriteString(`"`)
			if st, ok := a.styles[c]; ok {
				w.WriteString(` s="` + st + `"`)
			}
			w.WriteString(` t="inlineStr"><` + p + `is><` + p + `t xml:space="preserve">`)
			writeText(w, v)
			w.WriteString(`</` + p + `t></` + p + `is></` + p + `c>`)
		}
		w.WriteString(`</` + p + `row>`)
	}
}
