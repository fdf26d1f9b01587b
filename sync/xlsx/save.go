package xlsx

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// rename is os.Rename; tests replace it to fail the last step of a save.
var rename = os.Rename

// tempPattern names the new copy of a workbook while it is being written,
// beside the old one: hidden, and recognisably katsudo's.
const tempPattern = ".katsudo-*.xlsx"

// staleAfter is how old a temporary file must be before a save takes it
// for the leftover of a run that was killed: far longer than any save.
const staleAfter = 15 * time.Minute

// resolveTarget follows a symbolic link to the workbook, so that saving
// replaces the file it points to and keeps the link.
func resolveTarget(path string) (string, error) {
	target, err := filepath.EvalSymlinks(path)
	if errors.Is(err, fs.ErrNotExist) {
		return path, nil // a new file (or a dangling link, which os.Rename replaces)
	}
	return target, err
}

// saveAtomic writes the workbook next to target under a temporary name,
// flushes it to disk, gives it the old file's permissions and owner, and
// renames it over target: a reader (Excel, the sync client, the next run)
// sees either the old file or the new one, never half of one. On any
// failure, a panic included, the temporary file is removed; temporary
// files a killed run left behind are removed first.
func saveAtomic(ctx context.Context, target string, perm fs.FileMode, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(target)
	removeStale(dir, time.Now())
	tmp, err := os.CreateTemp(dir, tempPattern)
	if err != nil {
		return fmt.Errorf("create the new copy of the workbook beside it: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	// Errors name the temporary file as such: it is gone by the time the
	// member reads them.
	step := func(doing string, err error) error {
		if err == nil {
			return nil
		}
		return fmt.Errorf("%s (the temporary file %s, now removed): %w", doing, filepath.Base(tmp.Name()), unwrapPath(err))
	}
	if err = write(tmp); err != nil {
		return step("write the new copy of the workbook", err)
	}
	if err = step("set the new copy's permissions", tmp.Chmod(perm)); err != nil {
		return err
	}
	keepOwner(tmp, target)
	if err = step("flush the new copy to disk", tmp.Sync()); err != nil {
		return err
	}
	if err = step("close the new copy", tmp.Close()); err != nil {
		return err
	}
	if err = ctx.Err(); err != nil {
		return err
	}
	if err = rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("replace the file (is it open in Excel?): %w", unwrapPath(err))
	}
	ok = true
	syncDir(dir)
	return nil
}

// unwrapPath drops the *fs.PathError around err, whose path would name the
// temporary file without saying what it is.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// removeStale removes katsudo's temporary files in dir that are older than
// any save takes: left behind by a run that was killed halfway.
func removeStale(dir string, now time.Time) {
	matches, _ := filepath.Glob(filepath.Join(dir, tempPattern))
	for _, m := range matches {
		name := filepath.Base(m)
		if !strings.HasPrefix(name, ".katsudo-") || !strings.HasSuffix(name, ".xlsx") {
			continue
		}
		fi, err := os.Lstat(m)
		if err != nil || !fi.Mode().IsRegular() || now.Sub(fi.ModTime()) < staleAfter {
			continue
		}
		os.Remove(m)
	}
}

// syncDir makes the rename itself durable where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // not supported everywhere (Windows); the data is already safe
		d.Close()
	}
}
