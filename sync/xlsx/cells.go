package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
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
type gridReader struct {
	dec      *xml.Decoder
	sst      []string
	date1904 []bool // by style index: a date cell in a 1904 workbook
	grid     activity.Grid
	row      []activity.Cell // the row being read
	text     []byte          // scratch for character data
	merges   [][4]int        // row0, col0, row1, col1 (zero-based, inclusive)
}

// readGrid reads the worksheet part of tab t.
func (p *xlsxPackage) readGrid(t tabPart, sst []string, date1904 []bool) (activity.Grid, error) {
	if t.kind != "worksheet" || t.part == "" {
		return nil, fmt.Errorf("it is a %s, not a table of cells", orDefault(t.kind, "missing sheet"))
	}
	rc, err := p.open(t.part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	g := &gridReader{dec: xml.NewDecoder(rc), sst: sst, date1904: date1904}
	if err := g.read(); err != nil {
		return nil, err
	}
	return g.grid, nil
}

func (g *gridReader) read() error {
	rowNum := 0 // one-based number of the row being read
	col := -1   // zero-based column of the last cell read
	for {
		tok, err := g.dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return damaged(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				n := rowNum + 1
				if r := attr(t, "r"); r != "" {
					if n, err = strconv.Atoi(r); err != nil || n < 1 || n > maxRows {
						return fmt.Errorf("%w: row number %q", errDamaged, r)
					}
				}
				rowNum, col, g.row = n, -1, g.row[:0]
			case "c":
				if col, err = g.cell(t, col, rowNum); err != nil {
					return err
				}
			case "mergeCell":
				if m, ok := parseRange(attr(t, "ref")); ok {
					g.merges = append(g.merges, m)
				}
			}
		case xml.EndElement:
			if t.Name.Local == "row" {
				g.endRow(rowNum)
			}
		}
	}
	g.unmerge()
	return nil
}

// cell reads one <c> element of row rowNum; prev is the column of the cell
// before it.
func (g *gridReader) cell(start xml.StartElement, prev, rowNum int) (int, error) {
	col, typ, style := prev+1, "", 0
	for _, a := range start.Attr {
		switch a.Name.Local {
		case "r":
			c, _, ok := parseRef(a.Value)
			if !ok {
				return 0, fmt.Errorf("%w: cell reference %q", errDamaged, a.Value)
			}
			col = c
		case "t":
			typ = a.Value
		case "s":
			style, _ = strconv.Atoi(a.Value)
		}
	}
	if col >= maxCols {
		return 0, fmt.Errorf("%w: column %d", errDamaged, col+1)
	}
	var (
		v      []byte
		inline string
	)
	for {
		tok, err := g.dec.RawToken()
		if err != nil {
			return 0, damaged(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				if g.text, err = g.charData(g.text[:0], "v"); err != nil {
					return 0, err
				}
				v = g.text
			case "is":
				if inline, err = richText(g.dec, "is"); err != nil {
					return 0, err
				}
			}
		case xml.EndElement:
			if t.Name.Local == "c" {
				c, err := g.value(typ, style, v, inline)
				if err != nil {
					return 0, fmt.Errorf("%w: cell %s%d: %v", errDamaged, activity.ColumnName(col), rowNum, err)
				}
				g.set(col, c)
				return col, nil
			}
		}
	}
}

// value types a cell by its t attribute: s shared string, inlineStr, str
// (a formula's text result), b boolean, e formula error, d ISO date, and
// anything else a number. A formula cell is its cached result.
func (g *gridReader) value(typ string, style int, v []byte, inline string) (activity.Cell, error) {
	if typ == "inlineStr" {
		return activity.TextCell(inline), nil
	}
	if len(v) == 0 { // a formula not yet calculated, or a styled blank
		return activity.Cell{}, nil
	}
	switch typ {
	case "s":
		i, err := strconv.Atoi(string(bytes.TrimSpace(v)))
		if err != nil || i < 0 || i >= len(g.sst) {
			return activity.Cell{}, fmt.Errorf("shared string %q does not exist", v)
		}
		return activity.TextCell(g.sst[i]), nil
	case "str":
		return activity.TextCell(unescapeOOXML(string(v))), nil
	case "b":
		return activity.BoolCell(string(v) == "1" || string(v) == "true"), nil
	case "e":
		return activity.ErrorCell(string(v)), nil
	case "d":
		if serial, ok := isoToSerial(string(v)); ok {
			return activity.NumberCell(serial), nil
		}
		return activity.TextCell(string(v)), nil
	}
	f, err := strconv.ParseFloat(string(bytes.TrimSpace(v)), 64)
	if err != nil {
		return activity.Cell{}, fmt.Errorf("number %q", v)
	}
	if style >= 0 && style < len(g.date1904) && g.date1904[style] {
		f += days1904
	}
	return activity.NumberCell(f), nil
}

// set puts a non-blank cell into the row being read.
func (g *gridReader) set(col int, c activity.Cell) {
	if c.Kind == activity.CellEmpty {
		return
	}
	for len(g.row) < col {
		g.row = append(g.row, activity.Cell{})
	}
	if col == len(g.row) {
		g.row = append(g.row, c)
	} else {
		g.row[col] = c
	}
}

// endRow stores the row just read; rows without values are left blank.
func (g *gridReader) endRow(rowNum int) {
	if len(g.row) == 0 || rowNum < 1 {
		return
	}
	for len(g.grid) < rowNum {
		g.grid = append(g.grid, nil)
	}
	g.grid[rowNum-1] = slices.Clone(g.row)
	g.row = g.row[:0]
}

// unmerge blanks every cell of a merged range but its top-left one, as
// the Google Sheets API reports merged cells, then trims what became blank.
func (g *gridReader) unmerge() {
	if len(g.merges) == 0 {
		return
	}
	for _, m := range g.merges {
		for r := m[0]; r <= m[2] && r < len(g.grid); r++ {
			row := g.grid[r]
			for c := m[1]; c <= m[3] && c < len(row); c++ {
				if r != m[0] || c != m[1] {
					row[c] = activity.Cell{}
				}
			}
		}
	}
	for r, row := range g.grid {
		for len(row) > 0 && row[len(row)-1].Kind == activity.CellEmpty {
			row = row[:len(row)-1]
		}
		if len(row) == 0 {
			row = nil
		}
		g.grid[r] = row
	}
	for len(g.grid) > 0 && g.grid[len(g.grid)-1] == nil {
		g.grid = g.grid[:len(g.grid)-1]
	}
}
