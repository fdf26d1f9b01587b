package xlsx

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/katsudo-npo/katsudo/activity"
)

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
		i, ok := atoi(bytes.TrimSpace(v))
		if !ok || i < 0 || !g.late && i >= len(g.sst) {
			return activity.Cell{}, fmt.Errorf("shared string %q does not exist", v)
		}
		if g.late {
			g.pending++
			return sharedStringCell(i), nil
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
	if len(g.slab) < len(g.row) {
		g.slab = make([]activity.Cell, max(len(g.row), rowSlab))
	}
	row := g.slab[:len(g.row):len(g.row)]
	g.slab = g.slab[len(g.row):]
	copy(row, g.row)
	g.grid[rowNum-1] = row
	g.row = g.row[:0]
}
