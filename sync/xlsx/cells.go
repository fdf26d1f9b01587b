package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/katsudo-npo/katsudo/activity"
)

// Excel's sheet size limits; anything beyond them is a damaged file.
const (
	maxRows = 1 << 20
	maxCols = 1 << 14
)

// errDamaged is the cause of every "this part makes no sense" error.
var errDamaged = errors.New("the workbook is damaged")

// gridReader streams one worksheet's XML into a Grid: each <c> element
// becomes a Cell typed by its t attribute, never by how Excel displays it.
// It reads tag by tag (tagScanner) rather than through encoding/xml, which
// spent three quarters of a large log's read building tokens it dropped.
type gridReader struct {
	s        *tagScanner
	sst      []string
	date1904 []bool // by style index: a date cell in a 1904 workbook
	grid     activity.Grid
	row      []activity.Cell // the row being read
	text     []byte          // scratch for a value's text
	rich     []byte          // scratch for an inline string's text
	merges   [][4]int        // row0, col0, row1, col1 (zero-based, inclusive)
	attrv    [3][]byte       // scratch for a cell's r, t and s
	slab     []activity.Cell // where the next rows' cells go: one allocation for many rows
	// late is set when the shared strings come after the cells (finish):
	// a shared-string cell is read as its index, pending of them so far.
	late    bool
	pending int
}

// rowSlab is how many cells endRow allocates at once.
const rowSlab = 4096

// cellAttrNames are the attributes of <c> that type and place a cell.
var cellAttrNames = []string{"r", "t", "s"}

// cellType is a cell's t attribute, without allocating for the usual ones.
func cellType(t []byte) string {
	switch string(t) {
	case "s":
		return "s"
	case "n":
		return "n"
	case "str":
		return "str"
	case "b":
		return "b"
	case "inlineStr":
		return "inlineStr"
	case "e":
		return "e"
	}
	v, _ := attrValue(t)
	return v
}

// readGrid reads the worksheet part of tab t.
func (p *xlsxPackage) readGrid(t tabPart, sst []string, date1904 []bool) (activity.Grid, error) {
	g, err := p.scanGrid(t, date1904)
	if err != nil {
		return nil, err
	}
	return g.finish(sst)
}

// scanGrid reads the worksheet part of tab t without the shared strings,
// which may still be being read: finish puts them in.
func (p *xlsxPackage) scanGrid(t tabPart, date1904 []bool) (*gridReader, error) {
	if t.kind != "worksheet" || t.part == "" {
		return nil, fmt.Errorf("it is a %s, not a table of cells", orDefault(t.kind, "missing sheet"))
	}
	rc, err := p.openPart(t.part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	g := &gridReader{s: newTagScanner(rc), late: true, date1904: date1904}
	if err := g.read(); err != nil {
		return nil, err
	}
	return g, nil
}

// next reads the next tag, refusing text XML does not allow.
func (g *gridReader) next() (bool, error) {
	ok := g.s.next()
	if len(g.s.text) > 0 {
		if err := checkText(g.s.text); err != nil {
			return false, damaged(err)
		}
	}
	if !ok && g.s.err != nil {
		return false, damaged(g.s.err)
	}
	return ok, nil
}

func (g *gridReader) read() error {
	rowNum := 0 // one-based number of the row being read
	col := -1   // zero-based column of the last cell read
	for {
		if g.s.cellStart() {
			var err error
			if col, err = g.cell(col, rowNum); err != nil {
				return err
			}
			continue
		}
		ok, err := g.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		name, end := g.s.name()
		switch string(name) {
		case "row":
			if end {
				g.endRow(rowNum)
				continue
			}
			n := rowNum + 1
			if r := g.s.attr("r"); r != nil {
				var ok bool
				if bytes.IndexByte(r, '&') >= 0 {
					v, err := attrValue(r)
					if err == nil {
						n, err = strconv.Atoi(v)
					}
					ok = err == nil
				} else {
					n, ok = atoi(r)
				}
				if !ok || n < 1 || n > maxRows {
					return fmt.Errorf("%w: row number %q", errDamaged, r)
				}
			}
			rowNum, col, g.row = n, -1, g.row[:0]
			if g.s.selfClosing() {
				g.endRow(rowNum)
			}
		case "c":
			if end {
				continue
			}
			if col, err = g.cell(col, rowNum); err != nil {
				return err
			}
		case "dimension":
			// The used range, which Excel writes before the cells: room
			// for that many rows at once rather than growing to a million.
			if v, err := attrValue(g.s.attr("ref")); err == nil && !end && g.grid == nil {
				if m, ok := parseRange(v); ok {
					g.grid = make(activity.Grid, 0, m[2]+1)
				}
			}
		case "mergeCell":
			if end {
				continue
			}
			if v, err := attrValue(g.s.attr("ref")); err == nil {
				if m, ok := parseRange(v); ok {
					g.merges = append(g.merges, m)
				}
			}
		}
	}
	return nil
}

// cell reads one <c> element of row rowNum, its start tag just read; prev
// is the column of the cell before it.
func (g *gridReader) cell(prev, rowNum int) (int, error) {
	col, style := prev+1, 0
	var typ string
	g.s.cellAttrs(&g.attrv)
	if r := g.attrv[0]; r != nil {
		c, _, ok := parseRef(r)
		if bytes.IndexByte(r, '&') >= 0 {
			ref, err := attrValue(r)
			c, _, ok = parseRef(ref)
			ok = ok && err == nil
		}
		if !ok {
			return 0, fmt.Errorf("%w: cell reference %q", errDamaged, r)
		}
		col = c
	}
	if t := g.attrv[1]; t != nil {
		typ = cellType(t)
	}
	if st := g.attrv[2]; st != nil {
		if bytes.IndexByte(st, '&') >= 0 {
			v, _ := attrValue(st)
			style, _ = strconv.Atoi(v)
		} else {
			style, _ = atoi(st)
		}
	}
	if col >= maxCols {
		return 0, fmt.Errorf("%w: column %d", errDamaged, col+1)
	}
	var (
		v      []byte
		inline string
	)
	finish := func() (int, error) {
		c, err := g.value(typ, style, v, inline)
		if err != nil {
			return 0, fmt.Errorf("%w: cell %s%d: %v", errDamaged, activity.ColumnName(col), rowNum, err)
		}
		g.set(col, c)
		return col, nil
	}
	if g.s.selfClosing() {
		return finish()
	}
	if raw, ok := g.s.simpleValue(); ok {
		if err := checkText(raw); err != nil {
			return 0, damaged(err)
		}
		v = raw
		return finish()
	}
	for {
		ok, err := g.next()
		if err != nil {
			return 0, err
		}
		if !ok {
			return 0, damaged(io.ErrUnexpectedEOF)
		}
		name, end := g.s.name()
		switch {
		case string(name) == "c" && end:
			return finish()
		case end || g.s.selfClosing():
			if string(name) == "v" && !end {
				v = g.text[:0]
			}
			if string(name) == "is" && !end {
				inline = ""
			}
		case string(name) == "v":
			if g.text, err = g.charData(g.text[:0], "v"); err != nil {
				return 0, err
			}
			v = g.text
		case string(name) == "is":
			if inline, err = g.richText("is"); err != nil {
				return 0, err
			}
		}
	}
}
