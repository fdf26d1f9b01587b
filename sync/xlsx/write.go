package xlsx

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/xuri/excelize/v2"
)

// newFileMode is the permission of a workbook katsudo creates; an existing
// workbook keeps its own.
const newFileMode fs.FileMode = 0o644

// Write replaces the named tabs whole, creating them (at the end) or the
// file when missing, and leaves every other tab as it was: the members'
// activity log, their formulas, formatting, merged cells and drop-downs.
// A replaced tab keeps its place in the tab order. Text is written as text,
// so a report line such as "=1+1" is never run as a formula. The file is
// replaced in one step: on any error the old file is left untouched.
func (w *Workbook) Write(ctx context.Context, sheets []activity.Sheet) (err error) {
	defer recoverAs(&err, "write "+w.path)
	if err := activity.CheckSheets(sheets); err != nil {
		return fmt.Errorf("write %s: %w", w.path, err)
	}
	if len(sheets) == 0 {
		return nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	target, err := resolveTarget(w.path)
	if err != nil {
		return fmt.Errorf("write %s: %w", w.path, err)
	}
	f, perm, isNew, err := openForWrite(target)
	if err != nil {
		return fmt.Errorf("write %s: %w", w.path, err)
	}
	defer f.Close()

	b := &bookWriter{f: f, styles: make(map[activity.Style]int)}
	active := f.GetSheetName(f.GetActiveSheetIndex())
	placeholder := ""
	if isNew {
		// A new workbook comes with an empty Sheet1. Keep it out of the
		// way under another name (a Sheet named Sheet1 is then new like
		// the others) and drop it once katsudo's tabs are in.
		active, placeholder = sheets[0].Name, scratchName(f.GetSheetList())
		if err := f.SetSheetName(f.GetSheetName(0), placeholder); err != nil {
			return fmt.Errorf("write %s: %w", w.path, err)
		}
	}
	// First put every tab in place, empty, and only then stream the rows:
	// excelize re-reads every tab whenever a tab is deleted or moved, and
	// an empty tab costs nothing to re-read.
	for _, s := range sheets {
		if err := b.place(s.Name); err != nil {
			return fmt.Errorf("write tab %q to %s: %w", s.Name, w.path, err)
		}
	}
	if placeholder != "" {
		if err := f.DeleteSheet(placeholder); err != nil {
			return fmt.Errorf("write %s: %w", w.path, err)
		}
	}
	if b.deleted || isNew {
		// Deleting a tab moves Excel's selection; give it back.
		if i, _ := f.GetSheetIndex(active); i >= 0 {
			f.SetActiveSheet(i)
		}
	}
	for _, s := range sheets {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := b.fill(s); err != nil {
			return fmt.Errorf("write tab %q to %s: %w", s.Name, w.path, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := saveAtomic(ctx, f, target, perm); err != nil {
		return fmt.Errorf("write %s: %w", w.path, err)
	}
	return nil
}

// openForWrite opens the workbook to change, or starts a new one when the
// file does not exist. A file that is there but is not an .xlsx workbook is
// an error: katsudo never overwrites what it cannot read.
func openForWrite(path string) (f *excelize.File, perm fs.FileMode, isNew bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return excelize.NewFile(), newFileMode, true, nil
	}
	if err != nil {
		return nil, 0, false, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, 0, false, err
	}
	if _, err := readPackage(bytes.NewReader(data), int64(len(data))); err != nil {
		return nil, 0, false, err
	}
	f, err = excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, 0, false, newProblem(ErrNotWorkbook, "the workbook cannot be opened for writing: "+err.Error())
	}
	return f, fi.Mode().Perm(), false, nil
}

// bookWriter replaces tabs of one open workbook.
type bookWriter struct {
	f       *excelize.File
	styles  map[activity.Style]int // excelize style IDs
	deleted bool                   // a tab was deleted, so the selection may have moved
}

// place puts a new, empty tab named name where the old tab of that name
// was, or at the end. The old tab goes whole: cells, merges, drop-downs,
// names scoped to it.
func (b *bookWriter) place(name string) error {
	f := b.f
	tabs := f.GetSheetList()
	old := -1
	for i, t := range tabs {
		if strings.EqualFold(t, name) {
			old = i
		}
	}
	// The new tab comes first, under a scratch name: excelize refuses to
	// delete a workbook's only tab.
	tmp := scratchName(tabs)
	if _, err := f.NewSheet(tmp); err != nil {
		return err
	}
	if old < 0 {
		return f.SetSheetName(tmp, name)
	}
	if err := f.DeleteSheet(tabs[old]); err != nil {
		return err
	}
	b.deleted = true
	if err := f.SetSheetName(tmp, name); err != nil {
		return err
	}
	if old == len(tabs)-1 {
		return nil // it was the last tab, and the new one is last
	}
	if err := f.MoveSheet(name, tabs[old+1]); err != nil {
		return err
	}
	shiftLocalNames(f, old)
	return nil
}

// shiftLocalNames repairs names scoped to a tab (print areas, filters)
// after a tab was moved to position at: MoveSheet shifts the tabs after it
// one place right but leaves the names pointing at their old positions.
// The names are reached through excelize's exported WorkBook field because
// no public call adjusts them.
func shiftLocalNames(f *excelize.File, at int) {
	if f.WorkBook == nil || f.WorkBook.DefinedNames == nil {
		return
	}
	names := f.WorkBook.DefinedNames.DefinedName
	for i := range names {
		if id := names[i].LocalSheetID; id != nil && *id >= at {
			moved := *id + 1
			names[i].LocalSheetID = &moved
		}
	}
}

// scratchName is a tab name no tab has, for the tab being built.
func scratchName(tabs []string) string {
	for n := 1; ; n++ {
		name := "katsudo-new-" + strconv.Itoa(n)
		taken := false
		for _, t := range tabs {
			taken = taken || strings.EqualFold(t, name)
		}
		if !taken {
			return name
		}
	}
}
