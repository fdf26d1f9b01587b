package xlsx

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// rename is os.Rename; tests replace it to fail the last step of a save.
var rename = os.Rename

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
// flushes it to disk, and renames it over target: a reader (Excel, the
// sync client, the next run) sees either the old file or the new one,
// never half of one. On any error the temporary file is removed.
func saveAtomic(ctx context.Context, target string, perm fs.FileMode, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, ".katsudo-*.xlsx")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = ctx.Err(); err != nil {
		return err
	}
	if err = rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("replace the file (is it open in Excel?): %w", err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename itself durable where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // not supported everywhere (Windows); the data is already safe
		d.Close()
	}
}
