package xlsx

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/xuri/excelize/v2"
)

// Append adds rows below the last row holding a value in a tab, from the
// column of at (the cell where the tab's table starts, B3) on, and
// replaces the file in one step as Write does: on any error the old file
// is left untouched. Values are written as text, so one starting with =
// is never run as a formula; an empty value leaves its cell alone. It
// returns the A1 range the rows landed in. It is the one write katsudo
// makes to a tab members own: a row a member logged from Slack. Unlike
// Write, which copies the log's part untouched, an append rewrites the
// workbook through excelize, since the log's own part changes.
func (w *Workbook) Append(ctx context.Context, tab, at string, rows [][]string) (_ string, err error) {
	defer recoverAs(&err, "append to tab "+quoteTab(tab)+" in "+w.path)
	col0, row0, err := excelize.CellNameToCoordinates(at)
	if err != nil {
		return "", fmt.Errorf("append to %s: %w", w.path, err)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	target, err := resolveTarget(w.path)
	if err != nil {
		return "", fmt.Errorf("append to %s: %w", w.path, err)
	}
	fi, err := os.Stat(target)
	if err != nil {
		return "", fmt.Errorf("append to %s: %w", w.path, err)
	}
	p, err := openPackage(target) // refuses what is not an .xlsx workbook
	if err != nil {
		return "", fmt.Errorf("append to %s: %w", w.path, err)
	}
	p.close()
	f, err := excelize.OpenFile(target)
	if err != nil {
		return "", newProblem(ErrNotWorkbook, "the workbook cannot be opened for writing: "+err.Error())
	}
	defer f.Close()
	name := ""
	for _, t := range f.GetSheetList() {
		if strings.EqualFold(t, tab) {
			name = t
		}
	}
	if name == "" {
		return "", &activity.TabNotFoundError{Tab: tab, File: w.path, Tabs: f.GetSheetList()}
	}
	got, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return "", fmt.Errorf("append to tab %s in %s: %w", quoteTab(tab), w.path, err)
	}
	next := row0 // 1-based: below the table's first row at least
	for i, row := range got {
		for _, v := range row {
			if v != "" {
				next = max(next, i+2)
				break
			}
		}
	}
	width := 1
	for i, row := range rows {
		for j, v := range row {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(col0+j, next+i)
			if err := f.SetCellStr(name, cell, v); err != nil {
				return "", fmt.Errorf("append to tab %s in %s: %w", quoteTab(tab), w.path, err)
			}
		}
		width = max(width, len(row))
	}
	if err := ctx.Err(); err != nil {
		return "", err
	}
	err = saveAtomic(ctx, target, fi.Mode().Perm(), func(out io.Writer) error {
		_, err := f.WriteTo(out)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("append to %s: %w", w.path, err)
	}
	first, _ := excelize.CoordinatesToCellName(col0, next)
	last, _ := excelize.CoordinatesToCellName(col0+width-1, next+len(rows)-1)
	return quoteTab(name) + "!" + first + ":" + last, nil
}
