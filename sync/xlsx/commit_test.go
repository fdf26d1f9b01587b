package xlsx_test

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// TestWorkbookCommit replaces katsudo's tab and appends rows to another
// in one replacement of the file, or leaves the file as it was.
func TestWorkbookCommit(t *testing.T) {
	ctx := context.Background()
	report := activity.Sheet{Name: "事業報告書", Rows: [][]activity.Value{{activity.Str("事業報告書", 0)}, {activity.Str("=1+1", 0)}}}
	rows := [][]string{{"2021/11/20", "3", "=1+1"}}

	t.Run("TabsAndRowsTogether", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "log.xlsx")
		MustMembersWorkbook(t, path)
		before := snapshot(t, path, "設定")
		rng, err := xlsx.OpenWorkbook(path).Commit(ctx, []activity.Sheet{report}, "活動ログ", 4, rows)
		if err != nil {
			t.Fatal(err)
		}
		if rng != "'活動ログ'!A5:C5" {
			t.Errorf("range = %q, want '活動ログ'!A5:C5", rng)
		}
		got := MustRead(t, path, "活動ログ", "事業報告書")
		if diff := cmp.Diff(row(txt("2021/11/20"), txt("3"), txt("=1+1")), got["活動ログ"][4]); diff != "" {
			t.Errorf("appended row mismatch (-want +got):\n%s", diff)
		}
		if g := got["事業報告書"]; len(g) != 2 || g[1][0] != txt("=1+1") {
			t.Errorf("事業報告書 = %v; want the report, its text kept as text", g)
		}
		if diff := cmp.Diff(before, snapshot(t, path, "設定")); diff != "" {
			t.Errorf("tab 設定 changed (-before +after):\n%s", diff)
		}
	})
	t.Run("NothingWrittenWhenTheTabIsMissing", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "log.xlsx")
		MustMembersWorkbook(t, path)
		orig := MustReadFile(t, path)
		_, err := xlsx.OpenWorkbook(path).Commit(ctx, []activity.Sheet{report}, "送信履歴", 0, rows)
		var nf *activity.TabNotFoundError
		if !errors.As(err, &nf) || nf.Tab != "送信履歴" {
			t.Errorf("err = %v; want a TabNotFoundError for 送信履歴", err)
		}
		if !bytes.Equal(orig, MustReadFile(t, path)) {
			t.Error("the workbook changed: the report goes with the rows or not at all")
		}
		if extra := leftovers(t, dir, path); len(extra) > 0 {
			t.Errorf("files left behind: %v", extra)
		}
	})
	t.Run("TabBothReplacedAndAppendedIsRefused", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "log.xlsx")
		MustMembersWorkbook(t, path)
		orig := MustReadFile(t, path)
		if _, err := xlsx.OpenWorkbook(path).Commit(ctx, []activity.Sheet{{Name: "事業報告書"}}, "事業報告書", 0, rows); err == nil {
			t.Error("Commit replaced and appended to one tab")
		}
		if !bytes.Equal(orig, MustReadFile(t, path)) {
			t.Error("the workbook changed")
		}
	})
}
