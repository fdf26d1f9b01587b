package sheets_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/sheets"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
	gsheets "google.golang.org/api/sheets/v4"
)

var reportSheet = activity.Sheet{
	Name: "事業報告書", FrozenRows: 1, Widths: []float64{10, 40},
	Rows: [][]activity.Value{
		{activity.Str("事業名", 0), activity.Str("支出額", 0)},
		{activity.Str("=IMPORTXML(\"http://example.com\",\"//a\")", activity.Wrap), activity.Int(0, activity.Yen)},
		{activity.Str("", activity.Bold), activity.Int(628644, activity.Yen|activity.Bold)},
		{activity.Str("千円", activity.Ruled), activity.Int(69963, activity.Sen)},
	},
}

func TestSpreadsheetWrite(t *testing.T) {
	srv, s := MustSpreadsheet(t, sheetstest.Tab{Title: "活動ログ", Rows: [][]any{{"日付"}}})
	if err := s.Write(context.Background(), []activity.Sheet{reportSheet}); err != nil {
		t.Fatal(err)
	}
	want := [][]any{{"事業名", "支出額"}, {`=IMPORTXML("http://example.com","//a")`, 0.0}, {nil, 628644.0}, {"千円", 69963.0}}
	if diff := cmp.Diff(want, srv.Values(sheetID, "事業報告書")); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	info, _ := srv.Tab(sheetID, "事業報告書")
	if info.Frozen != 1 || info.RowCount != 4 || info.ColumnCount != 2 || !cmp.Equal(info.Widths, map[int64]int64{0: 80, 1: 290}) {
		t.Errorf("tab = %+v", info)
	}
	if len(info.Protected) != 1 || !info.Protected[0].WarningOnly {
		t.Errorf("protections = %+v, want one, warning only", info.Protected)
	}
	thin := &gsheets.Border{Style: "SOLID"}
	formats := []struct {
		row, col int
		want     gsheets.CellFormat
	}{
		{0, 0, gsheets.CellFormat{TextFormat: &gsheets.TextFormat{Bold: true}}},
		{1, 0, gsheets.CellFormat{WrapStrategy: "WRAP", VerticalAlignment: "TOP"}},
		{1, 1, gsheets.CellFormat{NumberFormat: &gsheets.NumberFormat{Type: "NUMBER", Pattern: `#,##0"円"`}}},
		{2, 0, gsheets.CellFormat{TextFormat: &gsheets.TextFormat{Bold: true}}},
		{2, 1, gsheets.CellFormat{TextFormat: &gsheets.TextFormat{Bold: true}, NumberFormat: &gsheets.NumberFormat{Type: "NUMBER", Pattern: `#,##0"円"`}}},
		{3, 1, gsheets.CellFormat{NumberFormat: &gsheets.NumberFormat{Type: "NUMBER", Pattern: `#,##0"千円"`}}},
		{3, 0, gsheets.CellFormat{Borders: &gsheets.Borders{Top: thin, Bottom: thin, Left: thin, Right: thin}}},
	}
	for _, f := range formats {
		c := srv.Cell(sheetID, "事業報告書", f.row, f.col)
		if c.Format == nil || !cmp.Equal(f.want, *c.Format) {
			t.Errorf("%s format = %+v, want %+v", activity.CellRef("事業報告書", f.row, f.col), c.Format, f.want)
		}
		if c.Formula != "" {
			t.Errorf("%s was written as a formula", activity.CellRef("事業報告書", f.row, f.col))
		}
	}

	t.Run("ReplacesWholeKeepingTheID", func(t *testing.T) {
		before, _ := srv.Tab(sheetID, "事業報告書")
		srv.ResetCounts()
		smaller := activity.Sheet{Name: "事業報告書", Rows: [][]activity.Value{{activity.Str("new", 0)}}}
		if err := s.Write(context.Background(), []activity.Sheet{smaller}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([][]any{{"new"}}, srv.Values(sheetID, "事業報告書")); diff != "" {
			t.Errorf("values (-want +got):\n%s", diff)
		}
		after, _ := srv.Tab(sheetID, "事業報告書")
		if after.ID != before.ID || after.Frozen != 0 || after.FormattedRows != 0 || len(after.Protected) != 1 {
			t.Errorf("after = %+v, before = %+v", after, before)
		}
		if n := srv.Count(sheetstest.KindBatchUpdate) + srv.Count(sheetstest.KindGet); n != 1 {
			t.Errorf("%d requests, want one write", n)
		}
	})
}

// TestSpreadsheetWrite_HandMadeTab writes into a tab someone made by
// hand: katsudo cannot guess its ID, so it asks once, then remembers.
func TestSpreadsheetWrite_HandMadeTab(t *testing.T) {
	srv, s := MustSpreadsheet(t, sheetstest.Tab{Title: "活動ログ"}, sheetstest.Tab{Title: "チェック", ID: 42, Rows: [][]any{{"old"}, {"old"}}})
	findings := activity.Sheet{Name: "チェック", Rows: [][]activity.Value{{activity.Str("new", 0)}}}
	for i, want := range []map[string]int{
		{sheetstest.KindBatchUpdate: 2, sheetstest.KindGet: 1},
		{sheetstest.KindBatchUpdate: 1},
	} {
		srv.ResetCounts()
		if err := s.Write(context.Background(), []activity.Sheet{reportSheet, findings}); err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		for _, r := range srv.Requests() {
			if r.Kind != sheetstest.KindToken {
				got[r.Kind]++
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("write %d: requests (-want +got):\n%s", i+1, diff)
		}
	}
	if info, _ := srv.Tab(sheetID, "チェック"); info.ID != 42 {
		t.Errorf("the hand-made tab's ID changed to %d", info.ID)
	}
	if diff := cmp.Diff([][]any{{"new"}}, srv.Values(sheetID, "チェック")); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"活動ログ", "チェック", "事業報告書"}, srv.Titles(sheetID)); diff != "" {
		t.Errorf("tabs (-want +got):\n%s", diff)
	}
}

// TestSpreadsheetWrite_Refuses sends nothing for what must not be written.
func TestSpreadsheetWrite_Refuses(t *testing.T) {
	tests := []struct {
		name  string
		sheet activity.Sheet
		want  string
	}{
		{"MembersTab", activity.Sheet{Name: "活動ログ"}, "members write"},
		{"MembersTabOtherCase", activity.Sheet{Name: "members"}, "never writes it"},
		{"BadName", activity.Sheet{Name: "a/b"}, "invalid tab name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, s := MustSpreadsheet(t, sheetstest.Tab{Title: "活動ログ", Rows: [][]any{{"日付"}}})
			err := s.Write(context.Background(), []activity.Sheet{okSheet, tt.sheet})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
			if n := len(srv.Requests()); n != 0 {
				t.Errorf("%d requests sent", n)
			}
		})
	}
}

// TestSpreadsheetWrite_Atomic fails the batch halfway: nothing of it is
// kept, and the error says Google refused.
func TestSpreadsheetWrite_Atomic(t *testing.T) {
	srv, s := MustSpreadsheet(t, sheetstest.Tab{Title: "活動ログ"})
	if err := s.Write(context.Background(), []activity.Sheet{okSheet}); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		srv.Fail(sheetstest.KindBatchUpdate, sheetstest.Fault{Status: 400, Halfway: true})
	}
	err := s.Write(context.Background(), []activity.Sheet{reportSheet, {Name: "チェック"}})
	if !errors.Is(err, sheets.ErrRefused) {
		t.Fatalf("got %v, want ErrRefused", err)
	}
	if diff := cmp.Diff([][]any{{"ok"}}, srv.Values(sheetID, "事業報告書")); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"活動ログ", "事業報告書"}, srv.Titles(sheetID)); diff != "" {
		t.Errorf("tabs (-want +got):\n%s", diff)
	}
}

// TestSpreadsheetWrite_CutsLongText writes a report line longer than a
// Google Sheets cell: it is cut to the cell's 50,000 characters, the cut
// marked, and the write succeeds.
func TestSpreadsheetWrite_CutsLongText(t *testing.T) {
	srv, s := MustSpreadsheet(t, sheetstest.Tab{Title: "活動ログ", Rows: [][]any{{"日付"}}})
	long := strings.Repeat("あ", 60000)
	sheet := activity.Sheet{Name: "事業報告書", Rows: [][]activity.Value{{activity.Str("事業名", 0), activity.Str(long, 0)}}}
	if err := s.Write(context.Background(), []activity.Sheet{sheet}); err != nil {
		t.Fatalf("write: %v", err)
	}
	got := srv.Values(sheetID, "事業報告書")
	text, _ := got[0][1].(string)
	if n := utf8.RuneCountInString(text); n != 50000 || !strings.HasSuffix(text, "…（以下省略）") {
		t.Errorf("B1 holds %d characters ending %q; want 50000 ending …（以下省略）", n, string([]rune(text)[max(0, n-8):]))
	}
	if sheet.Rows[0][1].Text != long {
		t.Error("the caller's sheet was changed")
	}
}
