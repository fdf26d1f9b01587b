package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
)

const (
	testSA    = "katsudo@katsudo-test.iam.gserviceaccount.com"
	testSheet = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-ab"
	testNow   = "2021-07-01T10:00:00+09:00"
)

// testLogHeader is the template's log header.
var testLogHeader = []any{"日付", "事業", "内容", "場所", "従事者", "受益対象", "受益先", "支出額", "状態", "記入者", "備考"}

// testLogRow is one done activity on day (a serial date) costing yen.
func testLogRow(day float64, yen float64) []any {
	return []any{day, "1-1", "経営相談", "横須賀市", "山田", "中小企業 1社", "", yen, "", "山田", ""}
}

// MustSheets starts a fake Google holding the organisation's spreadsheet
// (the three input tabs, shared with katsudo's service account) and
// returns it with the environment that points katsudo at it: the
// spreadsheet's URL, the endpoint, and the key file, whose token_uri is
// the fake's.
func MustSheets(tb testing.TB, dir string, logRows ...[]any) (*sheetstest.Server, map[string]string) {
	tb.Helper()
	srv := sheetstest.New(tb)
	srv.AddSpreadsheet(testSheet, testInputTabs(logRows)...)
	srv.Share(testSheet, testSA)
	key := filepath.Join(dir, "key.json")
	if err := os.WriteFile(key, srv.ServiceAccountKey(tb, testSA), 0o600); err != nil {
		tb.Fatal(err)
	}
	return srv, map[string]string{
		"KATSUDO_SPREADSHEET_ID":         "https://docs.google.com/spreadsheets/d/" + testSheet + "/edit#gid=0",
		"KATSUDO_SHEETS_ENDPOINT":        srv.Endpoint(),
		"GOOGLE_APPLICATION_CREDENTIALS": key,
	}
}

func testInputTabs(logRows [][]any) []sheetstest.Tab {
	return []sheetstest.Tab{
		{Title: "活動ログ", Rows: append([][]any{testLogHeader}, logRows...)},
		{Title: "事業", Rows: [][]any{
			{"コード", "事業名", "区分", "内容", "担当", "頻度", "予算額", "決算額"},
			{"1", "中小企業支援", "特定非営利活動"},
			{"1-1", "経営管理支援", "", `=IMPORTXML("http://example.com","//a")`, "山田", "随時", "", 3000},
		}},
		{Title: "会員", Rows: [][]any{{"氏名", "Slack", "在籍"}, {"山田", "U01", ""}}},
		{Title: "メモ", Rows: [][]any{{"members' own notes"}}},
	}
}

// requestCounts are the requests of one run, by kind.
func requestCounts(srv *sheetstest.Server) map[string]int {
	got := map[string]int{}
	for _, k := range []string{sheetstest.KindToken, sheetstest.KindGet, sheetstest.KindBatchGet, sheetstest.KindBatchUpdate} {
		if n := srv.Count(k); n > 0 {
			got[k] = n
		}
	}
	return got
}

func TestReportSheets(t *testing.T) {
	t.Run("OneReadOneWrite", func(t *testing.T) {
		dir := t.TempDir()
		var rows [][]any
		for i := range 10 {
			rows = append(rows, testLogRow(44326+float64(i), 300))
		}
		srv, environ := MustSheets(t, dir, rows...)
		logBefore := srv.Values(testSheet, "活動ログ")

		// The first run finds no report tab where it expects one, asks
		// for the tabs once, and creates it.
		if got := MustRun(t, dir, environ, "report", "--now", testNow); got.code != 0 {
			t.Fatalf("exit = %d\nstderr:\n%s", got.code, got.stderr)
		}
		first := map[string]int{sheetstest.KindToken: 1, sheetstest.KindBatchGet: 1, sheetstest.KindGet: 1, sheetstest.KindBatchUpdate: 2}
		if diff := cmp.Diff(first, requestCounts(srv)); diff != "" {
			t.Errorf("first run's requests (-want +got):\n%s", diff)
		}
		gid := mustTab(t, srv, "事業報告書").ID

		// From then on: one read and one write.
		srv.ResetCounts()
		if got := MustRun(t, dir, environ, "report", "--now", testNow); got.code != 0 {
			t.Fatalf("exit = %d\nstderr:\n%s", got.code, got.stderr)
		}
		want := map[string]int{sheetstest.KindToken: 1, sheetstest.KindBatchGet: 1, sheetstest.KindBatchUpdate: 1}
		if diff := cmp.Diff(want, requestCounts(srv)); diff != "" {
			t.Errorf("second run's requests (-want +got):\n%s", diff)
		}
		if got := mustTab(t, srv, "事業報告書").ID; got != gid {
			t.Errorf("the report tab's gid changed from %d to %d", gid, got)
		}
		if diff := cmp.Diff(logBefore, srv.Values(testSheet, "活動ログ")); diff != "" {
			t.Errorf("the log tab changed (-before +after):\n%s", diff)
		}
		report := srv.Values(testSheet, "事業報告書")
		if len(report) == 0 || !strings.Contains(fmt.Sprint(report[0]), "2021年度 事業報告書") {
			t.Fatalf("report tab starts with %v", report)
		}
		if !strings.Contains(fmt.Sprint(report), "3,000円") && !strings.Contains(fmt.Sprint(report), "3000") {
			t.Errorf("report lacks the 3,000 yen spent: %v", report)
		}
		if got := srv.Titles(testSheet); !cmp.Equal(got, []string{"活動ログ", "事業", "会員", "メモ", "事業報告書", "チェック"}) {
			t.Errorf("tabs = %v", got)
		}
	})
	t.Run("FormulaStaysText", func(t *testing.T) {
		dir := t.TempDir()
		srv, environ := MustSheets(t, dir, testLogRow(44326, 3000))
		if got := MustRun(t, dir, environ, "report", "--now", testNow); got.code != 0 {
			t.Fatalf("exit = %d\nstderr:\n%s", got.code, got.stderr)
		}
		found := false
		for r, row := range srv.Values(testSheet, "事業報告書") {
			for c, v := range row {
				if s, ok := v.(string); ok && strings.HasPrefix(s, "=IMPORTXML") {
					found = true
					if f := srv.Cell(testSheet, "事業報告書", r, c).Formula; f != "" {
						t.Errorf("written as the formula %q", f)
					}
				}
			}
		}
		if !found {
			t.Error("the program's description =IMPORTXML(…) is not in the report as text")
		}
	})
	t.Run("Meets429", func(t *testing.T) {
		dir := t.TempDir()
		srv, environ := MustSheets(t, dir, testLogRow(44326, 3000))
		srv.Fail(sheetstest.KindBatchGet, sheetstest.Fault{Status: 429, RetryAfter: "1"})
		start := time.Now()
		got := MustRun(t, dir, environ, "report", "--now", testNow)
		if got.code != 0 {
			t.Fatalf("exit = %d\nstderr:\n%s", got.code, got.stderr)
		}
		if took := time.Since(start); took < time.Second {
			t.Errorf("retried after %v, before the second Retry-After asked for", took)
		}
		if n := srv.Count(sheetstest.KindBatchGet); n != 2 {
			t.Errorf("batchGet requests = %d, want 2", n)
		}
		if !strings.Contains(got.stderr, "status=429") {
			t.Errorf("the retry is not logged: %q", got.stderr)
		}
	})
}

func mustTab(tb testing.TB, srv *sheetstest.Server, title string) sheetstest.TabInfo {
	tb.Helper()
	info, ok := srv.Tab(testSheet, title)
	if !ok {
		tb.Fatalf("no tab %s; tabs are %v", title, srv.Titles(testSheet))
	}
	return info
}

// TestReportSheets_FailsHalfway breaks the write in the middle of its
// batch: Google keeps nothing of a failed batch, so the report of the
// previous run stays whole, and a retry writes the new one whole.
func TestReportSheets_FailsHalfway(t *testing.T) {
	tests := []struct {
		name     string
		faults   []sheetstest.Fault
		wantCode int
		wantNew  bool
	}{
		{"RetriedAfter500", []sheetstest.Fault{{Status: 500, Halfway: true}}, 0, true},
		{"RefusedEveryTime", []sheetstest.Fault{{Status: 400, Halfway: true}, {Status: 400, Halfway: true}, {Status: 400, Halfway: true}}, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			srv, environ := MustSheets(t, dir, testLogRow(44326, 3000))
			if got := MustRun(t, dir, environ, "report", "--now", testNow); got.code != 0 {
				t.Fatalf("exit = %d\nstderr:\n%s", got.code, got.stderr)
			}
			oldReport, oldFindings := srv.Values(testSheet, "事業報告書"), srv.Values(testSheet, "チェック")

			srv.SetValues(testSheet, "活動ログ", [][]any{testLogHeader, testLogRow(44326, 3000), testLogRow(44327, 5000), {"令和3年13月1日", "1-1"}})
			srv.Fail(sheetstest.KindBatchUpdate, tt.faults...)
			got := MustRun(t, dir, environ, "report", "--now", testNow)
			if got.code != tt.wantCode {
				t.Fatalf("exit = %d, want %d\nstderr:\n%s", got.code, tt.wantCode, got.stderr)
			}
			report, findings := srv.Values(testSheet, "事業報告書"), srv.Values(testSheet, "チェック")
			if tt.wantNew {
				if cmp.Equal(oldReport, report) || cmp.Equal(oldFindings, findings) {
					t.Error("the retried write did not replace the tabs")
				}
				if !strings.Contains(fmt.Sprint(report), "8000") {
					t.Errorf("the new report lacks the new total 8,000: %v", report)
				}
				return
			}
			if diff := cmp.Diff(oldReport, report); diff != "" {
				t.Errorf("the report changed (-before +after):\n%s", diff)
			}
			if diff := cmp.Diff(oldFindings, findings); diff != "" {
				t.Errorf("the findings changed (-before +after):\n%s", diff)
			}
			if lines := strings.Count(strings.TrimSpace(got.stderr), "\n"); lines != 0 || !strings.Contains(got.stderr, "refused") {
				t.Errorf("stderr should be one line saying Google refused the write: %q", got.stderr)
			}
		})
	}
}

// TestReportSheets_Errors gives one line a volunteer can act on for each
// way Google says no.
func TestReportSheets_Errors(t *testing.T) {
	tests := []struct {
		name  string
		setup func(srv *sheetstest.Server, environ map[string]string)
		want  []string
		code  int // 1 when Google refused, 2 when katsudo's settings are wrong
	}{
		{"NotShared", func(srv *sheetstest.Server, _ map[string]string) {
			srv.AddSpreadsheet(testSheet, testInputTabs(nil)...)
		}, []string{"may not open", testSA, "Share"}, 1},
		{"WrongID", func(_ *sheetstest.Server, environ map[string]string) {
			environ["KATSUDO_SPREADSHEET_ID"] = "1NoSuchSpreadsheetxxxxxxxxxxxxxxxxxxxxxxxx"
		}, []string{"no spreadsheet with the ID 1NoSuchSpreadsheet", "spreadsheet_id"}, 1},
		{"TabRenamed", func(srv *sheetstest.Server, _ map[string]string) {
			tabs := testInputTabs(nil)
			tabs[2].Title = "メンバー"
			srv.AddSpreadsheet(testSheet, tabs...)
			srv.Share(testSheet, testSA)
		}, []string{`tab "会員" not found`, `"活動ログ", "事業", "メンバー", "メモ"`}, 2},
		{"KeyDeleted", func(srv *sheetstest.Server, _ map[string]string) {
			srv.RevokeKey(testSA)
		}, []string{"refused the key", "invalid_grant", "create a new JSON key for " + testSA}, 1},
		{"KeyMissing", func(_ *sheetstest.Server, environ map[string]string) {
			environ["GOOGLE_APPLICATION_CREDENTIALS"] = "/nonexistent/key.json"
		}, []string{"/nonexistent/key.json", "does not exist"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			srv, environ := MustSheets(t, dir, testLogRow(44326, 3000))
			tt.setup(srv, environ)
			got := MustRun(t, dir, environ, "report", "--now", testNow)
			if got.code != tt.code || strings.Count(strings.TrimSpace(got.stderr), "\n") != 0 {
				t.Fatalf("exit = %d, stderr = %q; want %d and one line", got.code, got.stderr, tt.code)
			}
			for _, w := range tt.want {
				if !strings.Contains(got.stderr, w) {
					t.Errorf("stderr %q lacks %q", got.stderr, w)
				}
			}
			if strings.Contains(got.stderr, "PRIVATE KEY") || strings.Contains(got.stderr, "ya29.") {
				t.Errorf("stderr shows a secret: %q", got.stderr)
			}
			if n := srv.Count(sheetstest.KindBatchUpdate); n != 0 {
				t.Errorf("%d writes after a failed read", n)
			}
		})
	}
}
