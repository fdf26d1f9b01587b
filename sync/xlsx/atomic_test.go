package xlsx_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

var okSheet = activity.Sheet{Name: "事業報告書", Rows: [][]activity.Value{{activity.Str("ok", 0)}}}

// TestWorkbookWrite_FailureLeavesFileAlone fails a Write at different
// steps; each time the workbook keeps its bytes and no temporary file is
// left in the folder.
func TestWorkbookWrite_FailureLeavesFileAlone(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		sheets  []activity.Sheet
		rename  func(from, to string) error
		wantIs  error
		wantMsg string
	}{
		{name: "InvalidCharacters", sheets: []activity.Sheet{{Name: "a/b:c*"}}, wantMsg: `invalid tab name "a/b:c*"`},
		{name: "NameTooLong", sheets: []activity.Sheet{{Name: strings.Repeat("報", 32)}}, wantMsg: "at most 31 characters"},
		{name: "InvalidSecondName", sheets: []activity.Sheet{okSheet, {Name: "チェック?"}}, wantMsg: "invalid tab name"},
		{name: "SameTabTwice", sheets: []activity.Sheet{okSheet, {Name: "事業報告書"}}, wantMsg: "written twice"},
		{name: "HalfwayTooManyColumns", sheets: []activity.Sheet{okSheet, {Name: "チェック", Rows: [][]activity.Value{make([]activity.Value, 16385)}}}, wantMsg: "16385 columns"},
		{name: "Canceled", ctx: canceled, sheets: []activity.Sheet{okSheet}, wantIs: context.Canceled},
		{name: "RenameFails", sheets: []activity.Sheet{okSheet}, wantMsg: "disk gone",
			rename: func(from, to string) error { return errors.New("disk gone") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "log.xlsx")
			MustMembersWorkbook(t, path)
			before := MustReadFile(t, path)
			if tt.rename != nil {
				defer xlsx.SetRename(tt.rename)()
			}
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			err := xlsx.OpenWorkbook(path).Write(ctx, tt.sheets)
			if err == nil {
				t.Fatal("Write succeeded")
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("error %v is not %v", err, tt.wantIs)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q should be one line containing %q", err, tt.wantMsg)
			}
			if tt.wantIs == nil && !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
			if !bytes.Equal(before, MustReadFile(t, path)) {
				t.Error("the workbook changed")
			}
			if extra := leftovers(t, dir, path); len(extra) > 0 {
				t.Errorf("files left behind: %v", extra)
			}
		})
	}
}

// TestWorkbookWrite_RefusesNonWorkbook never overwrites a file it cannot
// read as a workbook, such as the CSV export a member saved under the
// workbook's name.
func TestWorkbookWrite_RefusesNonWorkbook(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "log.xlsx")
	csv := []byte("日付,氏名\n2021/11/14,山田\n")
	MustWriteFile(t, path, csv)
	err := xlsx.OpenWorkbook(path).Write(context.Background(), []activity.Sheet{okSheet})
	if !errors.Is(err, xlsx.ErrNotWorkbook) {
		t.Fatalf("got %v, want ErrNotWorkbook", err)
	}
	if !bytes.Equal(csv, MustReadFile(t, path)) {
		t.Error("the CSV was overwritten")
	}
	if extra := leftovers(t, dir, path); len(extra) > 0 {
		t.Errorf("files left behind: %v", extra)
	}
}

// TestWorkbookWrite_KeepsPermissions keeps the mode the organisation gave
// the file; a new file gets 0644.
func TestWorkbookWrite_KeepsPermissions(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "log.xlsx")
	MustMembersWorkbook(t, path)
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	MustWrite(t, path, okSheet)
	newPath := filepath.Join(dir, "new.xlsx")
	MustWrite(t, newPath, okSheet)
	for p, want := range map[string]os.FileMode{path: 0o640, newPath: 0o644} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s mode = %v, want %v", filepath.Base(p), got, want)
		}
	}
}

// TestWorkbookWrite_ThroughSymlink updates the file a link points to and
// keeps the link.
func TestWorkbookWrite_ThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.xlsx")
	MustMembersWorkbook(t, real)
	link := filepath.Join(dir, "link.xlsx")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	MustWrite(t, link, okSheet)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("link replaced by a file (%v)", err)
	}
	if got := MustRead(t, real, "事業報告書")["事業報告書"]; !cmp.Equal(got, activity.Grid{row(txt("ok"))}) {
		t.Errorf("real file has %v", got)
	}
}

// TestWorkbookWrite_Concurrent loses no tab when one process writes the
// same workbook from several goroutines.
func TestWorkbookWrite_Concurrent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log.xlsx")
	MustMembersWorkbook(t, path)
	wb := xlsx.OpenWorkbook(path)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			name := fmt.Sprintf("tab%d", i)
			errs[i] = wb.Write(context.Background(), []activity.Sheet{{Name: name, Rows: [][]activity.Value{{activity.Str(name, 0)}}}})
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	tabs, err := wb.Tabs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for i := range errs {
		if name := fmt.Sprintf("tab%d", i); !strings.Contains(strings.Join(tabs, ","), name) {
			t.Errorf("tab %s lost; tabs are %v", name, tabs)
		}
	}
}
