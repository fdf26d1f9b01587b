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
