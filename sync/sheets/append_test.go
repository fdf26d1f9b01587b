package sheets_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/sync/sheets"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
)

func TestAppend(t *testing.T) {
	srv, s := MustSpreadsheet(t, sheetstest.Tab{Title: "活動ログ", Rows: [][]any{
		{"2021年度 活動ログ"},
		{},
		{nil, "日付", "事業", "内容"},
		{nil, "2021/4/1", "1-1", "相談"},
	}})
	got, err := s.Append(context.Background(), "活動ログ", "B3", [][]string{{"2021-09-14", "1-1", "=HYPERLINK(\"x\")"}})
	if err != nil {
		t.Fatal(err)
	}
	if got != "'活動ログ'!B5:D5" {
		t.Errorf("range = %q, want '活動ログ'!B5:D5", got)
	}
	want := [][]any{{"2021年度 活動ログ"}, nil, {nil, "日付", "事業", "内容"}, {nil, "2021/4/1", "1-1", "相談"}, {nil, "2021-09-14", "1-1", "=HYPERLINK(\"x\")"}}
	if diff := cmp.Diff(want, srv.Values(sheetID, "活動ログ")); diff != "" {
		t.Errorf("tab mismatch (-want +got):\n%s", diff)
	}
	t.Run("ReadOnlyTabAcceptsAppendOnly", func(t *testing.T) {
		// 活動ログ is read-only to Write; Append is the one way in.
		if n := srv.Count(sheetstest.KindAppend); n != 1 {
			t.Errorf("appends = %d, want 1", n)
		}
	})
	t.Run("ServerErrorIsNotRepeated", func(t *testing.T) {
		srv.Fail(sheetstest.KindAppend, sheetstest.Fault{Status: http.StatusInternalServerError, Halfway: true})
		before := srv.Count(sheetstest.KindAppend)
		_, err := s.Append(context.Background(), "活動ログ", "B3", [][]string{{"2021-09-15", "1-1"}})
		if err == nil {
			t.Fatal("append that failed after taking effect reported success")
		}
		if n := srv.Count(sheetstest.KindAppend) - before; n != 1 {
			t.Errorf("append sent %d times, want 1 (the row may be there: the caller looks before trying again)", n)
		}
	})
	t.Run("QuotaIsWaitedOut", func(t *testing.T) {
		srv.Fail(sheetstest.KindAppend, sheetstest.Fault{Status: http.StatusTooManyRequests})
		if _, err := s.Append(context.Background(), "活動ログ", "B3", [][]string{{"2021-09-16", "1-1"}}); err != nil {
			t.Fatalf("append after one 429: %v", err)
		}
	})
	t.Run("MissingTabFails", func(t *testing.T) {
		_, err := s.Append(context.Background(), "no such tab", "A1", [][]string{{"x"}})
		if !errors.Is(err, sheets.ErrRefused) {
			t.Errorf("err = %v, want ErrRefused", err)
		}
	})
}
