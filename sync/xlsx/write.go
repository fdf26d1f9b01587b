package xlsx

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/katsudo-npo/katsudo/activity"
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
//
// Only katsudo's tabs and the workbook's small index parts are written;
// every other part of the file, the activity log included, is copied as
// it is stored, so the time and memory a write takes depend on the size
// of katsudo's tabs, not on the size of the log.
func (w *Workbook) Write(ctx context.Context, sheets []activity.Sheet) (err error) {
	defer recoverAs(&err, "write "+w.path)
	sheets, err = w.prepare(sheets)
	if err != nil || len(sheets) == 0 {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.rewrite(ctx, func(p *xlsxPackage) (*bookPlan, error) { return planWrite(p, sheets) })
}

// Commit replaces the tabs whole, as Write does, and appends rows to
// another tab, as Append does, in one replacement of the file: a run's
// report and its claims on the Slack messages it is about to send land
// together, or neither does. after (the rows of tab the caller read) is
// not needed here: the rows' range says where they went.
func (w *Workbook) Commit(ctx context.Context, sheets []activity.Sheet, tab string, after int, rows [][]string) (_ string, err error) {
	defer recoverAs(&err, "write "+w.path)
	sheets, err = w.prepare(sheets)
	if err != nil {
		return "", err
	}
	for _, s := range sheets {
		if tabKey(s.Name) == tabKey(tab) {
			return "", fmt.Errorf("write %s: tab %q is both replaced and appended to", w.path, tab)
		}
	}
	add, err := w.newAddition(tab, "A1", rows)
	if err != nil {
		return "", err
	}
	return w.commit(ctx, sheets, add)
}

// commit replaces the sheets (none for Append) and appends the rows in
// one replacement of the file, and says where the rows went.
func (w *Workbook) commit(ctx context.Context, sheets []activity.Sheet, add *addition) (string, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	err := w.rewrite(ctx, func(p *xlsxPackage) (*bookPlan, error) {
		pl := &bookPlan{}
		if len(sheets) > 0 {
			var err error
			if pl, err = planWrite(p, sheets); err != nil {
				return nil, err
			}
		}
		return pl, add.plan(p, pl)
	})
	return add.landed(err)
}

// prepare checks the tabs before anything is written, and cuts a
// member's long cell to fit (marked; the check points at the cell it
// came from).
func (w *Workbook) prepare(sheets []activity.Sheet) ([]activity.Sheet, error) {
	if err := activity.CheckSheets(sheets); err != nil {
		return nil, fmt.Errorf("write %s: %w", w.path, err)
	}
	fitted := make([]activity.Sheet, len(sheets))
	for i, s := range sheets {
		fitted[i] = s.Fit(maxCellText, activity.UTF16Len)
	}
	for _, s := range fitted {
		if _, _, err := checkSheet(s); err != nil {
			return nil, fmt.Errorf("write tab %q to %s: %w", s.Name, w.path, err)
		}
	}
	return fitted, nil
}

// rewrite replaces the workbook (or creates it) with the package plan
// makes of it, in one atomic step.
func (w *Workbook) rewrite(ctx context.Context, plan func(*xlsxPackage) (*bookPlan, error)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	target, err := resolveTarget(w.path)
	if err != nil {
		return fmt.Errorf("write %s: %w", w.path, err)
	}
	if !w.Force {
		if err := checkFree(target); err != nil {
			return fmt.Errorf("write %s: %w", w.path, err)
		}
	}
	p, perm, err := openForWrite(target)
	if err != nil {
		return fmt.Errorf("write %s: %w", w.path, err)
	}
	defer p.close()
	pl, err := plan(p)
	if err != nil {
		return fmt.Errorf("write %s: %w", w.path, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	err = saveAtomic(ctx, target, perm, func(out io.Writer) error { return pl.writeTo(ctx, p, out) })
	if err != nil {
		return fmt.Errorf("write %s: %w", w.path, err)
	}
	return nil
}

// openForWrite opens the workbook to change, or an empty one when the file
// does not exist. A file that is there but is not an .xlsx workbook is an
// error: katsudo never overwrites what it cannot read.
func openForWrite(path string) (p *xlsxPackage, perm fs.FileMode, err error) {
	_, err = os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		p, err := emptyPackage()
		return p, newFileMode, err
	}
	p, err = openPackage(path)
	if err != nil {
		return nil, 0, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		p.close()
		return nil, 0, err
	}
	return p, fi.Mode().Perm(), nil
}

// writeTo writes the new package: the parts the plan rewrites, the parts
// it drops left out, katsudo's tabs, and every other part copied still
// compressed, in the original order.
func (pl *bookPlan) writeTo(ctx context.Context, p *xlsxPackage, out io.Writer) error {
	zw := zip.NewWriter(out)
	done := map[string]bool{}
	for _, f := range p.files {
		key := partKey(f.Name)
		if pl.drop[key] || pl.replaced[key] || done[key] {
			continue
		}
		done[key] = true
		if fn, ok := pl.transform[key]; ok {
			if err := transformPart(zw, f, fn); err != nil {
				return fmt.Errorf("rewrite %s: %w", f.Name, err)
			}
			continue
		}
		if data, ok := pl.rewrite[key]; ok {
			if err := writePart(zw, f.Name, data); err != nil {
				return err
			}
			continue
		}
		if err := copyRaw(zw, f); err != nil {
			return fmt.Errorf("copy %s: %w", f.Name, err)
		}
	}
	for key, data := range pl.rewrite {
		if !done[key] {
			if err := writePart(zw, key, data); err != nil {
				return err
			}
		}
	}
	for _, t := range pl.tabs {
		if err := ctx.Err(); err != nil {
			return err
		}
		pw, err := zw.CreateHeader(&zip.FileHeader{Name: t.part, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if err := writeSheet(pw, t.sheet, pl.styles, t.selected); err != nil {
			return fmt.Errorf("write tab %q: %w", t.sheet.Name, err)
		}
	}
	return zw.Close()
}

// writePart writes a small part, compressed.
func writePart(zw *zip.Writer, name string, data []byte) error {
	pw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	_, err = pw.Write(data)
	return err
}

// copyRaw copies a zip entry without decompressing it.
func copyRaw(zw *zip.Writer, f *zip.File) error {
	r, err := f.OpenRaw()
	if err != nil {
		return err
	}
	fh := f.FileHeader
	pw, err := zw.CreateRaw(&fh)
	if err != nil {
		return err
	}
	_, err = io.Copy(pw, r)
	return err
}

// transformPart writes a part as fn makes it from the old one, streaming.
func transformPart(zw *zip.Writer, f *zip.File, fn func(io.Writer, io.Reader) error) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	pw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
	if err != nil {
		return err
	}
	return fn(pw, rc)
}
