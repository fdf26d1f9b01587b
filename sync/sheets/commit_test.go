package sheets_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/sheets"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
)

// commitTabs are a spreadsheet with the members' log and a 送信履歴 tab
// of two rows, made by hand (its sheetId is not the one katsudo would
// give it).
func commitTabs() []sheetstest.Tab {
	return []sheetstest.Tab{
		{Title: "活動ログ", ID: 7, Rows: [][]any{{"日付", "事業"}, {"2021/4/1", "1-1"}}},
		{Title: "送信履歴", ID: 99, Rows: [][]any{{"キー", "状態"}, {"remind/a", "sent"}}},
	}
}

func TestCommit(t *testing.T) {
	ctx := context.Background()
	report := activity.Sheet{Name: "事業報告書", Rows: [][]activity.Value{{activity.Str("事業報告書", 0)}, {activity.Str("=1+1", 0)}}}
	claims := [][]string{{"remind/b", "claimed"}, {"remind/c", "=HYPERLINK(\"x\")"}}

	t.Run("TabsAndRowsInOneRequest", func(t *testing.T) {
		srv, s := MustSpreadsheet(t, commitTabs()...)
		if _, err := s.Read(ctx, []string{"活動ログ", "送信履歴"}); err != nil {
			t.Fatal(err)
		}
		srv.ResetCounts()
		got, err := s.Commit(ctx, []activity.Sheet{report}, "送信履歴", 2, claims)
		if err != nil {
			t.Fatal(err)
		}
		if got != "'送信履歴'!A3:B4" {
			t.Errorf("range = %q, want '送信履歴'!A3:B4 (right below the rows read)", got)
		}
		want := [][]any{{"キー", "状態"}, {"remind/a", "sent"}, {"remind/b", "claimed"}, {"remind/c", "=HYPERLINK(\"x\")"}}
		if diff := cmp.Diff(want, srv.Values(sheetID, "送信履歴")); diff != "" {
			t.Errorf("送信履歴 mismatch (-want +got):\n%s", diff)
		}
		if v := srv.Values(sheetID, "事業報告書"); len(v) != 2 || v[1][0] != "=1+1" {
			t.Errorf("事業報告書 = %v; want the report, its text kept as text", v)
		}
		if c := srv.Cell(sheetID, "送信履歴", 3, 1); c.Formula != "" {
			t.Errorf("appended text became the formula %q", c.Formula)
		}
		// The made-by-hand tab's ID was unknown: one refused batch, one
		// metadata request, the batch again.
		if n := srv.Count(sheetstest.KindBatchUpdate); n > 2 {
			t.Errorf("batchUpdate sent %d times; want at most 2", n)
		}
		// The answer named every tab read or written: links need no request.
		ids := s.KnownSheetIDs()
		if ids["活動ログ"] != 7 || ids["送信履歴"] != 99 || ids["事業報告書"] == 0 {
			t.Errorf("KnownSheetIDs = %v; want 活動ログ 7, 送信履歴 99 and 事業報告書's", ids)
		}
		t.Run("SecondCommitIsOneRequest", func(t *testing.T) {
			srv.ResetCounts()
			got, err := s.Commit(ctx, []activity.Sheet{report}, "送信履歴", 4, [][]string{{"remind/d", "claimed"}})
			if err != nil {
				t.Fatal(err)
			}
			if got != "'送信履歴'!A5:B5" {
				t.Errorf("range = %q, want '送信履歴'!A5:B5", got)
			}
			if n, all := srv.Count(sheetstest.KindBatchUpdate), len(srv.Requests()); n != 1 || all != 1 {
				t.Errorf("%d batchUpdate, %d requests in all; want one", n, all)
			}
		})
	})
	t.Run("AnotherClientAppendedInBetween", func(t *testing.T) {
		srv, s := MustSpreadsheet(t, commitTabs()...)
		if _, err := s.Read(ctx, []string{"送信履歴"}); err != nil {
			t.Fatal(err)
		}
		// Another machine's claims land after this run read two rows.
		if _, err := s.Append(ctx, "送信履歴", "A1", [][]string{{"remind/b", "claimed"}, {"remind/x", "claimed"}}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Commit(ctx, nil, "送信履歴", 2, claims)
		if err != nil {
			t.Fatal(err)
		}
		if got != "'送信履歴'!A5:B6" {
			t.Errorf("range = %q, want '送信履歴'!A5:B6: below the other client's rows, so the caller reads the tab back", got)
		}
		if n := len(srv.Values(sheetID, "送信履歴")); n != 6 {
			t.Errorf("送信履歴 has %d rows; want 6", n)
		}
	})
	t.Run("NothingWrittenWhenTheTabIsMissing", func(t *testing.T) {
		srv, s := MustSpreadsheet(t, commitTabs()[0])
		_, err := s.Commit(ctx, []activity.Sheet{report}, "送信履歴", 0, claims)
		var nf *activity.TabNotFoundError
		if !errors.As(err, &nf) || nf.Tab != "送信履歴" {
			t.Fatalf("err = %v; want a TabNotFoundError for 送信履歴", err)
		}
		if titles := srv.Titles(sheetID); len(titles) != 1 {
			t.Errorf("tabs = %v; want only 活動ログ: the report goes with the rows or not at all", titles)
		}
	})
	t.Run("MembersTabIsRefused", func(t *testing.T) {
		srv, s := MustSpreadsheet(t, commitTabs()...)
		_, err := s.Commit(ctx, []activity.Sheet{{Name: "活動ログ"}}, "送信履歴", 2, claims)
		if err == nil {
			t.Fatal("Commit replaced a tab members write")
		}
		if n := srv.Count(sheetstest.KindBatchUpdate); n != 0 {
			t.Errorf("%d batchUpdate sent; want none", n)
		}
	})
}

// The adapter is what the use case needs.
var _ interface {
	Commit(context.Context, []activity.Sheet, string, int, [][]string) (string, error)
	KnownSheetIDs() map[string]int64
} = (*sheets.Spreadsheet)(nil)
