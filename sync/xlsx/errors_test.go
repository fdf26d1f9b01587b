package xlsx_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
	"github.com/xuri/excelize/v2"
)

// TestWorkbookRead_FileErrors gives one line naming the file and the tab,
// with a cause errors.Is can check, for each file that is not a workbook.
func TestWorkbookRead_FileErrors(t *testing.T) {
	dir := t.TempDir()
	valid := filepath.Join(dir, "valid.xlsx")
	MustRawXLSX(t, valid, rawBook{Sheets: []rawSheet{{Name: "活動ログ", SheetData: `<row r="1"><c r="A1"><v>1</v></c></row>`}}})
	validBytes := MustReadFile(t, valid)

	tests := []struct {
		name    string
		setup   func(path string)
		wantIs  error
		wantMsg string
	}{
		{"Missing", func(string) {}, fs.ErrNotExist, "does not exist"},
		{"TextRenamed", func(p string) { MustWriteFile(t, p, []byte("活動ログです\n")) }, xlsx.ErrNotWorkbook, "text file"},
		{"CSV", func(p string) { MustWriteFile(t, p, []byte("日付,氏名,時間\n2021/11/14,山田,2\n")) }, xlsx.ErrNotWorkbook, "CSV"},
		{"Empty", func(p string) { MustWriteFile(t, p, nil) }, xlsx.ErrNotWorkbook, "empty"},
		{"TruncatedZip", func(p string) { MustWriteFile(t, p, validBytes[:len(validBytes)/2]) }, xlsx.ErrNotWorkbook, "damaged or incomplete"},
		{"ZipWithoutWorkbook", func(p string) { MustZip(t, p, map[string]string{"word/document.xml": "<w/>"}) }, xlsx.ErrNotWorkbook, "without a workbook"},
		{"OpenDocument", func(p string) {
			MustZip(t, p, map[string]string{"content.xml": "<x/>", "mimetype": "application/vnd.oasis.opendocument.spreadsheet"})
		}, xlsx.ErrNotWorkbook, ".ods"},
		{"Binary", func(p string) { MustWriteFile(t, p, []byte{0x89, 'P', 'N', 'G', 0, 1, 2}) }, xlsx.ErrNotWorkbook, "not an .xlsx"},
		{"Folder", func(p string) {
			if err := os.Mkdir(p, 0o755); err != nil {
				t.Fatal(err)
			}
		}, xlsx.ErrNotWorkbook, "folder"},
		{"DamagedWorkbookXML", func(p string) {
			MustZip(t, p, map[string]string{"xl/workbook.xml": "<workbook><sheets><sheet name=", "_rels/.rels": ""})
		}, xlsx.ErrNotWorkbook, "damaged"},
		{"PasswordProtected", func(p string) {
			f := excelize.NewFile()
			defer f.Close()
			if err := f.SaveAs(p, excelize.Options{Password: "secret"}); err != nil {
				t.Fatal(err)
			}
		}, xlsx.ErrPasswordProtected, "password"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "log.xlsx")
			tt.setup(path)
			_, err := xlsx.OpenWorkbook(path).Read(context.Background(), []string{"活動ログ"})
			checkFileError(t, err, path, tt.wantIs, tt.wantMsg, "活動ログ")
			_, err = xlsx.OpenWorkbook(path).Tabs(context.Background())
			checkFileError(t, err, path, tt.wantIs, tt.wantMsg, "")
		})
	}
}

func checkFileError(t *testing.T, err error, path string, wantIs error, wantMsg, tab string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if !errors.Is(err, wantIs) {
		t.Errorf("error %q is not %v", msg, wantIs)
	}
	if !strings.Contains(msg, wantMsg) || !strings.Contains(msg, path) || !strings.Contains(msg, tab) {
		t.Errorf("error %q should mention %q, the file and the tab %q", msg, wantMsg, tab)
	}
	if strings.Contains(msg, "\n") {
		t.Errorf("error %q is more than one line", msg)
	}
}

// TestWorkbookRead_TabNotFound names the missing tab and the tabs there are.
func TestWorkbookRead_TabNotFound(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log.xlsx")
	MustRawXLSX(t, path, rawBook{Sheets: []rawSheet{{Name: "活動ログ "}, {Name: "メンバー"}}})
	_, err := xlsx.OpenWorkbook(path).Read(context.Background(), []string{"メンバー", "活動ログ"})
	var nf *activity.TabNotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("error %v is not a *activity.TabNotFoundError", err)
	}
	want := &activity.TabNotFoundError{Tab: "活動ログ", File: path, Tabs: []string{"活動ログ ", "メンバー"}}
	if diff := cmp.Diff(want, nf); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	wantMsg := `tab "活動ログ" not found in ` + path + ` (its tabs: "活動ログ ", "メンバー")`
	if got := err.Error(); got != wantMsg {
		t.Errorf("message\n got %s\nwant %s", got, wantMsg)
	}
}

// TestWorkbookRead_DamagedSheet reports the tab whose cells cannot be read.
func TestWorkbookRead_DamagedSheet(t *testing.T) {
	tests := []struct {
		name, sheetData string
		sst             []string
	}{
		{"UnknownSharedString", `<row r="1"><c r="A1" t="s"><v>7</v></c></row>`, []string{"<t>a</t>"}},
		{"BadNumber", `<row r="1"><c r="A1"><v>1,200</v></c></row>`, nil},
		{"BadReference", `<row r="1"><c r="1A"><v>1</v></c></row>`, nil},
		{"RowBeyondExcel", `<row r="1048577"><c><v>1</v></c></row>`, nil},
		{"ColumnBeyondExcel", `<row r="1"><c r="XFE1"><v>1</v></c></row>`, nil},
		{"UnclosedCell", `<row r="1"><c r="A1"><v>1</v>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "log.xlsx")
			MustRawXLSX(t, path, rawBook{Sheets: []rawSheet{{Name: "ログ", SheetData: tt.sheetData}}, SST: tt.sst})
			_, err := xlsx.OpenWorkbook(path).Read(context.Background(), []string{"ログ"})
			if err == nil {
				t.Fatal("no error")
			}
			if msg := err.Error(); !strings.Contains(msg, `"ログ"`) || !strings.Contains(msg, path) || strings.Contains(msg, "\n") {
				t.Errorf("error %q should be one line naming the tab and the file", msg)
			}
		})
	}
}

func TestWorkbookRead_Canceled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log.xlsx")
	MustRawXLSX(t, path, rawBook{Sheets: []rawSheet{{Name: "ログ"}}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := xlsx.OpenWorkbook(path).Read(ctx, []string{"ログ"}); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}
