package xlsx_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
	"github.com/xuri/excelize/v2"
)

func TestAppend(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log.xlsx")
	MustExcelize(t, path, func(f *excelize.File) error {
		if err := f.SetSheetName("Sheet1", "活動ログ"); err != nil {
			return err
		}
		if _, err := f.NewSheet("事業報告書"); err != nil {
			return err
		}
		return f.SetSheetRow("活動ログ", "A1", &[]any{"日付", "事業", "内容", "支出額"})
	})
	w := xlsx.OpenWorkbook(path)
	got, err := w.Append(context.Background(), "活動ログ", "A1", [][]string{{"2021-09-14", "1-1", "=1+1", "1200"}})
	if err != nil {
		t.Fatal(err)
	}
	if got != "'活動ログ'!A2:D2" {
		t.Errorf("range = %q", got)
	}
	if _, err := w.Append(context.Background(), "活動ログ", "A1", [][]string{{"2021-09-15", "1-2", "", "0"}}); err != nil {
		t.Fatal(err)
	}
	g := MustRead(t, path, "活動ログ")["活動ログ"]
	want := activity.Grid{
		{activity.TextCell("日付"), activity.TextCell("事業"), activity.TextCell("内容"), activity.TextCell("支出額")},
		{activity.TextCell("2021-09-14"), activity.TextCell("1-1"), activity.TextCell("=1+1"), activity.TextCell("1200")},
		{activity.TextCell("2021-09-15"), activity.TextCell("1-2"), {}, activity.TextCell("0")},
	}
	for r := range want {
		for c := range want[r] {
			if got := g.At(r, c); got != want[r][c] {
				t.Errorf("cell %s = %+v, want %+v", activity.CellRef("活動ログ", r, c), got, want[r][c])
			}
		}
	}
	if tabs := MustOpenExcelize(t, path).GetSheetList(); len(tabs) != 2 {
		t.Errorf("tabs = %v, want the two tabs kept", tabs)
	}
	t.Run("MissingTabLeavesTheFile", func(t *testing.T) {
		before := MustReadFile(t, path)
		_, err := w.Append(context.Background(), "no such tab", "A1", [][]string{{"x"}})
		var nf *activity.TabNotFoundError
		if !errors.As(err, &nf) {
			t.Errorf("err = %v, want TabNotFoundError", err)
		}
		if string(MustReadFile(t, path)) != string(before) {
			t.Error("the file changed")
		}
	})
}
