package sheets_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/sheets"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
)

const (
	sheetID = "1TestSpreadsheetIDxxxxxxxxxxxxxxxxxxxxxxx"
	account = "katsudo@katsudo-test.iam.gserviceaccount.com"
)

// fastRetry keeps the tests quick: short timeouts and waits.
var fastRetry = sheets.Retry{Timeout: 300 * time.Millisecond, Budget: 2 * time.Second, First: 10 * time.Millisecond, Max: 40 * time.Millisecond}

// MustSpreadsheet starts a fake Google holding tabs, shared with katsudo's
// service account, and opens it with the real client.
func MustSpreadsheet(tb testing.TB, tabs ...sheetstest.Tab) (*sheetstest.Server, *sheets.Spreadsheet) {
	tb.Helper()
	srv := sheetstest.New(tb)
	srv.AddSpreadsheet(sheetID, tabs...)
	srv.Share(sheetID, account)
	creds, err := sheets.ParseCredentials(srv.ServiceAccountKey(tb, account), "key.json")
	if err != nil {
		tb.Fatal(err)
	}
	s, err := sheets.OpenSpreadsheet(context.Background(), sheets.SheetsConfig{
		ID: sheetID, Credentials: creds, Endpoint: srv.Endpoint(), Retry: fastRetry, ReadOnly: []string{"活動ログ", "Members"},
	})
	if err != nil {
		tb.Fatal(err)
	}
	return srv, s
}

func TestSpreadsheetRead_CellKinds(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want activity.Cell
	}{
		{"Number", 1200.0, num(1200)},
		{"SerialDate", 44514.0, num(44514)},
		{"Fraction", 2.5, num(2.5)},
		{"Text", "清掃活動", txt("清掃活動")},
		{"DigitsAsText", "123", txt("123")},
		{"FormulaLookingText", "=1+1", txt("=1+1")},
		{"True", true, boolc(true)},
		{"False", false, boolc(false)},
		{"SpacesStayText", "  ", txt("  ")},
		{"NotAnErrorLiteral", "#REF", txt("#REF")},
	}
	for _, e := range []string{"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#ERROR!"} {
		tests = append(tests, struct {
			name string
			in   any
			want activity.Cell
		}{"Error" + e, sheetstest.Error(e), errc(e)})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, s := MustSpreadsheet(t, sheetstest.Tab{Title: "ログ", Rows: [][]any{{tt.in}}})
			got, err := s.Read(context.Background(), []string{"ログ"})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(activity.Grid{row(tt.want)}, got["ログ"]); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSpreadsheetRead_OneRequest reads every tab with one batchGet and
// keeps cell positions: blank leading rows and cells stay in place.
func TestSpreadsheetRead_OneRequest(t *testing.T) {
	srv, s := MustSpreadsheet(t,
		sheetstest.Tab{Title: "活動ログ", Rows: [][]any{nil, {nil, "日付", nil, "事業"}, {nil, 44514, nil, "1-1"}}},
		sheetstest.Tab{Title: "事業", Rows: [][]any{{"コード"}}},
		sheetstest.Tab{Title: "It's", Rows: [][]any{{"quoted"}}},
		sheetstest.Tab{Title: "空"},
	)
	got, err := s.Read(context.Background(), []string{"活動ログ", "事業", "It's", "空", "事業"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]activity.Grid{
		"活動ログ": {nil, row(blank, txt("日付"), blank, txt("事業")), row(blank, num(44514), blank, txt("1-1"))},
		"事業":   {row(txt("コード"))},
		"It's": {row(txt("quoted"))},
		"空":    nil,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 || reqs[0].Kind != sheetstest.KindToken || reqs[1].Kind != sheetstest.KindBatchGet {
		t.Fatalf("requests = %+v, want a token and one batchGet", reqs)
	}
	if diff := cmp.Diff([]string{"'活動ログ'", "'事業'", "'It''s'", "'空'"}, reqs[1].Query["ranges"]); diff != "" {
		t.Errorf("ranges (-want +got):\n%s", diff)
	}
}

func TestSpreadsheetRead_MissingTab(t *testing.T) {
	srv, s := MustSpreadsheet(t, sheetstest.Tab{Title: "活動ログ"}, sheetstest.Tab{Title: "メンバー"})
	_, err := s.Read(context.Background(), []string{"活動ログ", "会員"})
	var nf *activity.TabNotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("got %v, want a *activity.TabNotFoundError", err)
	}
	want := &activity.TabNotFoundError{Tab: "会員", File: "https://docs.google.com/spreadsheets/d/" + sheetID + "/edit", Tabs: []string{"活動ログ", "メンバー"}}
	if diff := cmp.Diff(want, nf); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	var get *sheetstest.Request
	for _, r := range srv.Requests() {
		if r.Kind == sheetstest.KindGet {
			get = &r
		}
	}
	if get == nil || get.Query.Get("fields") != "sheets.properties(sheetId,title)" || get.Query.Get("includeGridData") == "true" {
		t.Errorf("metadata request %+v: want one, with a fields mask and no cells", get)
	}
}

// TestSpreadsheetErrors maps each refusal to an error errors.Is can tell.
func TestSpreadsheetErrors(t *testing.T) {
	tests := []struct {
		name  string
		setup func(srv *sheetstest.Server)
		want  error
		msg   string
	}{
		{"NotShared", func(srv *sheetstest.Server) { srv.AddSpreadsheet(sheetID, sheetstest.Tab{Title: "活動ログ"}) }, sheets.ErrNoAccess, "add " + account + " as an Editor"},
		{"Deleted", func(srv *sheetstest.Server) { srv.DeleteSpreadsheet(sheetID) }, sheets.ErrSpreadsheetNotFound, "spreadsheet_id"},
		{"KeyRevoked", func(srv *sheetstest.Server) { srv.RevokeKey(account) }, sheets.ErrSignIn, "invalid_grant"},
		{"Refused", func(srv *sheetstest.Server) { srv.Fail(sheetstest.KindBatchGet, sheetstest.Fault{Status: 400}) }, sheets.ErrRefused, "refused"},
		{"APIDisabled", func(srv *sheetstest.Server) {
			srv.Fail(sheetstest.KindBatchGet, sheetstest.Fault{Status: 403, Message: "Google Sheets API has not been used in project 123 before or it is disabled."})
		}, sheets.ErrAPIDisabled, "console.cloud.google.com/apis/library/sheets.googleapis.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, s := MustSpreadsheet(t, sheetstest.Tab{Title: "活動ログ"})
			tt.setup(srv)
			_, err := s.Read(context.Background(), []string{"活動ログ"})
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) || strings.Contains(err.Error(), "\n") {
				t.Errorf("got %v, want one line, %v, containing %q", err, tt.want, tt.msg)
			}
		})
	}
}
