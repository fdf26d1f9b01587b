package xlsx

import (
	"fmt"
	"strconv"

	"github.com/katsudo-npo/katsudo/activity"
)

// sharedStringCell stands for a shared-string cell read before the shared
// strings: a text cell without text, which no cell read otherwise is
// (activity.TextCell makes an empty text a blank cell), holding the index.
func sharedStringCell(i int) activity.Cell {
	return activity.Cell{Kind: activity.CellText, Num: float64(i)}
}

// finish completes a grid scanned before the shared strings were read:
// each shared-string cell gets its text, merged ranges keep only their
// top-left value, and what became blank is trimmed, so the grid is the
// one reading the cells after the strings would have given.
func (g *gridReader) finish(sst []string) (activity.Grid, error) {
	if g.pending > 0 {
		for r, row := range g.grid {
			for c := range row {
				cell := &row[c]
				if cell.Kind != activity.CellText || cell.Text != "" {
					continue
				}
				i := int(cell.Num)
				if i >= len(sst) {
					return nil, fmt.Errorf("%w: cell %s%d: shared string %q does not exist", errDamaged, activity.ColumnName(c), r+1, strconv.Itoa(i))
				}
				*cell = activity.TextCell(sst[i])
			}
		}
	}
	g.unmerge()
	g.trim()
	if len(g.grid) == 0 {
		g.grid = nil // a sheet without values, whatever its dimension says
	}
	return g.grid, nil
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
	g.trim()
}

// trim drops the blank cells at the end of each row and the blank rows at
// the end of the grid, which blanking merged cells or putting in empty
// shared strings may leave.
func (g *gridReader) trim() {
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
