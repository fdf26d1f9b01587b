package xlsx_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/sync/xlsx"
	"github.com/xuri/excelize/v2"
)

// mustTableLog writes a log of header and two rows in A1:C3 with an Excel
// table over range.
func mustTableLog(t *testing.T, path, tableRange string) {
	MustExcelize(t, path, func(f *excelize.File) error {
		if err := f.SetSheetName("Sheet1", "活動ログ"); err != nil {
			return err
		}
		for i, row := range [][]any{{"日付", "内容", "記入者"}, {"2021/4/1", "清掃", "森"}, {"2021/4/2", "相談", "林"}} {
			if err := f.SetSheetRow("活動ログ", "A"+string(rune('1'+i)), &row); err != nil {
				return err
			}
		}
		return f.AddTable("活動ログ", &excelize.Table{Range: tableRange, Name: "ログ", StyleName: "TableStyleMedium2"})
	})
}

func TestAppendGrowsTheTableOverTheLog(t *testing.T) {
	for _, tc := range []struct {
		name, table, want string
	}{
		{"a table down to the last row takes in the new rows", "A1:C3", "A1:C5"},
		{"a table with blank rows left takes them first", "A1:C6", "A1:C6"},
		{"a table over part of the log is left alone", "A1:C2", "A1:C2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "log.xlsx")
			mustTableLog(t, path, tc.table)
			rng, err := xlsx.OpenWorkbook(path).Append(context.Background(), "活動ログ", "A1", [][]string{{"2021/4/3", "清掃", "森"}, {"2021/4/4", "会議", "林"}})
			if err != nil {
				t.Fatal(err)
			}
			if rng != "'活動ログ'!A4:C5" {
				t.Fatalf("the rows went to %s, not A4:C5", rng)
			}
			tables, err := MustOpenExcelize(t, path).GetTables("活動ログ")
			if err != nil || len(tables) != 1 {
				t.Fatalf("tables = %v, %v", tables, err)
			}
			if got := tables[0].Range; got != tc.want {
				t.Errorf("table range = %s, want %s", got, tc.want)
			}
			if filter := mustPart(t, path, "xl/tables/table1.xml"); !strings.Contains(filter, `<autoFilter ref="`+tc.want+`"`) {
				t.Errorf("the table's filter does not cover %s:\n%s", tc.want, filter)
			}
		})
	}
}
