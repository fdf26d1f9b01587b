package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// MustSheetsFromWorkbook starts a fake Google holding, as a spreadsheet
// shared with katsudo's service account, the tabs of a workbook, and
// returns it with the environment that points katsudo at it.
func MustSheetsFromWorkbook(tb testing.TB, dir, wb string, tabs ...string) (*sheetstest.Server, string, map[string]string) {
	tb.Helper()
	const id, sa = "1ServeSheetsTest0123456789abcdefghijklmnopq", "katsudo@serve-test.iam.gserviceaccount.com"
	grids, err := xlsx.OpenWorkbook(wb).Read(context.Background(), tabs)
	if err != nil {
		tb.Fatal(err)
	}
	srv := sheetstest.New(tb)
	var seed []sheetstest.Tab
	for _, name := range tabs {
		var rows [][]any
		for _, row := range grids[name] {
			var r []any
			for _, c := range row {
				switch c.Kind {
				case activity.CellNumber:
					r = append(r, c.Num)
				case activity.CellText:
					r = append(r, c.Text)
				default:
					r = append(r, nil)
				}
			}
			rows = append(rows, r)
		}
		seed = append(seed, sheetstest.Tab{Title: name, Rows: rows})
	}
	srv.AddSpreadsheet(id, seed...)
	srv.Share(id, sa)
	key := filepath.Join(dir, "key.json")
	if err := os.WriteFile(key, srv.ServiceAccountKey(tb, sa), 0o600); err != nil {
		tb.Fatal(err)
	}
	return srv, id, map[string]string{
		"KATSUDO_SPREADSHEET_ID":         id,
		"KATSUDO_SHEETS_ENDPOINT":        srv.Endpoint(),
		"GOOGLE_APPLICATION_CREDENTIALS": key,
	}
}

// TestServeSheets is TestServe against the fake Google Sheets server
// (sync/sheetstest) instead of a local workbook: the real Sheets client
// reads and writes the spreadsheet on the schedule.
func TestServeSheets(t *testing.T) {
	dir := t.TempDir()
	wb := MustSlackWorkbook(t, dir, 3)
	google, id, environ := MustSheetsFromWorkbook(t, dir, wb, "活動ログ", "事業", "会員")
	slack, slackEnv := MustSlack(t, 3)
	for k, v := range runEnviron(dir, slackEnv) {
		environ[k] = v
	}
	environ["KATSUDO_SCHEDULE_REMIND"] = "0 0 * * *"
	environ["KATSUDO_SCHEDULE_SUMMARY"] = "0 0 1 * *"

	s := MustServe(t, environ, "--now", "2021-11-30T23:59:55+09:00")
	eventually(t, "the midnight reminders", func() bool {
		_, r := s.health(t)
		return r.Jobs[2].LastSuccess != nil && r.Jobs[3].LastSuccess != nil
	})
	posted := postedKeys(slack)
	for k, n := range posted {
		if n != 1 {
			t.Errorf("%s posted %d times", k, n)
		}
	}
	if posted["summary/2021-11/channel/2021-12-01"] != 1 || posted["reminder/2021-11/会員003/2021-12-01"] != 1 {
		t.Errorf("posted %v; want November's summary and reminders", posted)
	}
	if sent, _ := sentInSheet(t, google.Values(id, "送信履歴")); len(sent) != len(posted) {
		t.Errorf("送信履歴 confirms %d messages; %d were posted", len(sent), len(posted))
	}
	if rows := google.Values(id, "事業報告書"); len(rows) == 0 {
		t.Error("the start-up pass wrote no report tab")
	}
	code, r := s.health(t)
	_, metrics := s.get(t, "/metrics")
	if code != http.StatusOK || !strings.Contains(metrics, `katsudo_api_requests_total{api="sheets",call="read"}`) {
		t.Errorf("/healthz %d %+v\n%s", code, r, metrics)
	}
	if code, _ := s.stop(t); code != 0 {
		t.Errorf("exit %d\n%s", code, s.log)
	}
}
