package xlsx_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// TestWorkbookWrite_RefusesOpenWorkbook leaves a workbook an editor has
// open alone, saying which editor, unless forced.
func TestWorkbookWrite_RefusesOpenWorkbook(t *testing.T) {
	for _, tt := range []struct{ name, lock, editor string }{
		{"Excel", "~$log.xlsx", "Excel"},
		{"ExcelLongName", "~$g.xlsx", "Excel"},
		{"LibreOffice", ".~lock.log.xlsx#", "LibreOffice"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "log.xlsx")
			MustMembersWorkbook(t, path)
			MustWriteFile(t, filepath.Join(dir, tt.lock), []byte("owner"))
			orig := MustReadFile(t, path)
			wb := xlsx.OpenWorkbook(path)
			err := wb.Write(context.Background(), reportSheets)
			if !errors.Is(err, xlsx.ErrInUse) || !strings.Contains(err.Error(), tt.lock) || !strings.Contains(err.Error(), tt.editor) {
				t.Errorf("got %v, want ErrInUse naming %s and %s", err, tt.editor, tt.lock)
			}
			if _, err := wb.Append(context.Background(), "活動ログ", "A2", [][]string{{"x"}}); !errors.Is(err, xlsx.ErrInUse) {
				t.Errorf("append: got %v, want ErrInUse", err)
			}
			if !bytes.Equal(orig, MustReadFile(t, path)) {
				t.Error("the workbook changed")
			}
			wb.Force = true
			if err := wb.Write(context.Background(), reportSheets); err != nil {
				t.Errorf("forced: %v", err)
			}
		})
	}
}

// TestWorkbookWrite_RefusesReadOnly leaves a read-only workbook alone
// unless forced, and a forced write keeps it read-only.
func TestWorkbookWrite_RefusesReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log.xlsx")
	MustMembersWorkbook(t, path)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	wb := xlsx.OpenWorkbook(path)
	if err := wb.Write(context.Background(), reportSheets); !errors.Is(err, xlsx.ErrReadOnly) {
		t.Errorf("got %v, want ErrReadOnly", err)
	}
	wb.Force = true
	if err := wb.Write(context.Background(), reportSheets); err != nil {
		t.Fatalf("forced: %v", err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o444 {
		t.Errorf("mode after a forced write = %v, want -r--r--r--", got)
	}
}

// TestWorkbookWrite_RemovesStaleTempFiles clears what a killed run left
// and keeps a temporary file another run may be writing right now.
func TestWorkbookWrite_RemovesStaleTempFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "log.xlsx")
	MustMembersWorkbook(t, path)
	stale, fresh := filepath.Join(dir, ".katsudo-111.xlsx"), filepath.Join(dir, ".katsudo-222.xlsx")
	MustWriteFile(t, stale, nil)
	MustWriteFile(t, fresh, nil)
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	MustWrite(t, path, reportSheets...)
	if extra := leftovers(t, dir, path, fresh); len(extra) > 0 {
		t.Errorf("files left behind: %v", extra)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a fresh temporary file was removed: %v", err)
	}
}
