package main

import (
	"context"
	"testing"
)

// gidBook is a spreadsheet that knows its tabs' sheet IDs.
type gidBook struct{ book }

func (gidBook) SheetIDs(context.Context) (map[string]int64, error) {
	return map[string]int64{"活動ログ": 0, "チェック": 1234}, nil
}

func TestSheetLink(t *testing.T) {
	j := &job{}
	j.cfg.SpreadsheetID = "1AbC"
	base := "https://docs.google.com/spreadsheets/d/1AbC/edit"
	tests := []struct{ ref, want string }{
		{"活動ログ!A17", base + "#gid=0&range=A17"},
		{"チェック", base + "#gid=1234"},
		{"事業!H9", base}, // a tab without a known gid still opens the spreadsheet
	}
	link := j.sheetLink(context.Background(), gidBook{})
	for _, tc := range tests {
		if got := link(tc.ref); got != tc.want {
			t.Errorf("link(%q) = %q; want %q", tc.ref, got, tc.want)
		}
	}
	j.cfg.Workbook = "log.xlsx"
	if j.sheetLink(context.Background(), gidBook{}) != nil {
		t.Error("a local workbook has links")
	}
}
