package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// runEnviron is the environment of a `katsudo run` test: the fake Slack
// and a lock file of the test's own.
func runEnviron(dir string, slack map[string]string) map[string]string {
	environ := map[string]string{"KATSUDO_LOCK_FILE": filepath.Join(dir, "katsudo.lock")}
	for k, v := range slack {
		environ[k] = v
	}
	return environ
}

func TestRun(t *testing.T) {
	t.Run("SendsWhatIsDueOnce", func(t *testing.T) {
		dir := t.TempDir()
		wb := MustSlackWorkbook(t, dir, 4)
		s, slack := MustSlack(t, 4)
		environ := runEnviron(dir, slack)
		got := MustRun(t, dir, environ, "run", "--workbook", wb, "--now", slackNow)
		if got.code != 0 {
			t.Fatalf("exit %d\n%s", got.code, got.stderr)
		}
		posted := postedKeys(s)
		if len(posted) != 5 || posted["summary/2021-11/channel/2021-12-01"] != 1 {
			t.Errorf("posted %v; want November's summary and 4 reminders", posted)
		}
		grids, err := xlsx.OpenWorkbook(wb).Read(context.Background(), []string{"事業報告書", "チェック"})
		if err != nil || !strings.Contains(grids["事業報告書"].At(0, 0).Text, "事業報告書") {
			t.Errorf("report tab not written: %v", err)
		}
		calls := len(s.Calls())
		again := MustRun(t, dir, environ, "run", "--workbook", wb, "--now", "2021-12-01T15:00:00+09:00")
		if again.code != 0 || len(s.Calls()) != calls {
			t.Errorf("second run: exit %d, %d more Slack calls; want none\n%s", again.code, len(s.Calls())-calls, again.stderr)
		}
	})
	t.Run("NothingBeforeItsSchedule", func(t *testing.T) {
		dir := t.TempDir()
		wb := MustSlackWorkbook(t, dir, 2)
		s, slack := MustSlack(t, 2)
		got := MustRun(t, dir, runEnviron(dir, slack), "run", "--workbook", wb, "--now", "2021-12-01T08:00:00+09:00", "--log-format", "json")
		if got.code != 0 || len(s.Posts()) != 0 {
			t.Fatalf("exit %d, %d posts; want 0 and none before 09:00\n%s", got.code, len(s.Posts()), got.stderr)
		}
		var done struct {
			Msg     string
			Waiting int    `json:"waiting_for_schedule"`
			Next    string `json:"next_release"`
			Written bool   `json:"report_written"`
		}
		for _, line := range strings.Split(strings.TrimSpace(got.stderr), "\n") {
			if err := json.Unmarshal([]byte(line), &done); err != nil {
				t.Fatalf("not a JSON log line: %q", line)
			}
			if done.Msg == "pass done" {
				break
			}
		}
		if !done.Written || done.Waiting != 3 || done.Next != "2021-12-01T09:00:00+09:00" {
			t.Errorf("log says %+v; want the report written and 3 messages waiting, the first until 09:00", done)
		}
	})
	t.Run("WithoutSlackWritesTheReport", func(t *testing.T) {
		dir := t.TempDir()
		wb := MustSlackWorkbook(t, dir, 1)
		got := MustRun(t, dir, runEnviron(dir, nil), "run", "--workbook", wb, "--now", slackNow)
		if got.code != 0 || !strings.Contains(got.stderr, "Slack is not set up") || !strings.Contains(got.stderr, "report_written=true") {
			t.Errorf("exit %d\n%s", got.code, got.stderr)
		}
	})
	t.Run("UnreachableMemberExitsOne", func(t *testing.T) {
		dir := t.TempDir()
		wb := MustSlackWorkbook(t, dir, 3)
		s, slack := MustSlack(t, 1)
		got := MustRun(t, dir, runEnviron(dir, slack), "run", "--workbook", wb, "--now", slackNow)
		if got.code != 1 || len(s.Posts()) != 2 || !strings.Contains(got.stderr, "undeliverable=2") || strings.Contains(got.stderr, "会員00") {
			t.Errorf("exit %d, %d posts; want 1, the summary and one DM, and no name in the log\n%s", got.code, len(s.Posts()), got.stderr)
		}
	})
	t.Run("MissingHeaderWritesAndSendsNothing", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "log.xlsx")
		err := xlsx.OpenWorkbook(path).Write(context.Background(), []activity.Sheet{
			{Name: "活動ログ", Rows: [][]activity.Value{texts("日付", "事業", "内容", "記入者")}},
			{Name: "事業", Rows: [][]activity.Value{texts("コード", "事業名"), texts("1", "支援")}},
			{Name: "会員", Rows: [][]activity.Value{texts("氏名")}},
		})
		if err != nil {
			t.Fatal(err)
		}
		before, _ := os.ReadFile(path)
		got := MustRun(t, dir, runEnviron(dir, nil), "run", "--workbook", path, "--now", slackNow)
		after, _ := os.ReadFile(path)
		if got.code != 1 || !strings.Contains(got.stderr, "required header is missing") || string(before) != string(after) {
			t.Errorf("exit %d, file changed %v\n%s", got.code, string(before) != string(after), got.stderr)
		}
	})
	t.Run("UsageErrorsExitTwo", func(t *testing.T) {
		dir := t.TempDir()
		wb := MustSlackWorkbook(t, dir, 1)
		for _, tc := range []struct {
			args    []string
			environ map[string]string
			want    string
		}{
			{[]string{"run", "--workbook", wb, "--log-format", "xml"}, nil, "--log-format"},
			{[]string{"run", "--workbook", wb}, map[string]string{"KATSUDO_SCHEDULE_REMIND": "every day"}, "KATSUDO_SCHEDULE_REMIND"},
			{[]string{"run", "--workbook", wb}, map[string]string{"KATSUDO_LOCK_FILE": filepath.Join(wb, "lock")}, "lock_file"},
			{[]string{"serve", "--workbook", wb, "--listen", "8080"}, nil, "--listen"},
		} {
			if got := MustRun(t, dir, tc.environ, tc.args...); got.code != 2 || !strings.Contains(got.stderr, tc.want) {
				t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, got.code, got.stderr, tc.want)
			}
		}
	})
}

// TestRunSheets runs against the fake Google Sheets server: the pass
// reads the four tabs it needs with one values:batchGet.
func TestRunSheets(t *testing.T) {
	const sheet, sa = "1RunSheetsTest0123456789abcdefghijklmnopqrs", "katsudo@run-test.iam.gserviceaccount.com"
	dir := t.TempDir()
	srv := sheetstest.New(t)
	log := [][]any{{"日付", "事業", "内容", "場所", "従事者", "受益対象", "受益先", "支出額", "状態", "記入者", "備考"}}
	for m := 4; m <= 10; m++ {
		log = append(log, []any{fmt.Sprintf("2021年%d月", m), "1-1", "", "", "", "", "", "", "活動なし", "会員001", ""})
	}
	srv.AddSpreadsheet(sheet,
		sheetstest.Tab{Title: "活動ログ", Rows: log},
		sheetstest.Tab{Title: "事業", Rows: [][]any{
			{"コード", "事業名", "区分", "内容", "担当", "頻度", "予算額", "決算額"},
			{"1", "中小企業支援", "特定非営利活動"},
			{"1-1", "経営管理支援", "", "経営管理を支援する", "会員001", "毎月", 100000, 0},
		}},
		sheetstest.Tab{Title: "会員", Rows: [][]any{{"氏名", "Slack", "在籍"}, {"会員001", "U001", ""}}},
		sheetstest.Tab{Title: "送信履歴", Rows: [][]any{{"送信日時", "種類", "対象", "宛先", "チャンネル", "ts", "キー"}}},
	)
	srv.Share(sheet, sa)
	key := filepath.Join(dir, "key.json")
	if err := os.WriteFile(key, srv.ServiceAccountKey(t, sa), 0o600); err != nil {
		t.Fatal(err)
	}
	s, slack := MustSlack(t, 1)
	environ := runEnviron(dir, slack)
	environ["KATSUDO_SPREADSHEET_ID"] = sheet
	environ["KATSUDO_SHEETS_ENDPOINT"] = srv.Endpoint()
	environ["GOOGLE_APPLICATION_CREDENTIALS"] = key
	got := MustRun(t, dir, environ, "run", "--now", slackNow)
	if got.code != 0 || len(s.Posts()) != 2 {
		t.Fatalf("exit %d, %d posts; want 0, the summary and a reminder\n%s", got.code, len(s.Posts()), got.stderr)
	}
	var first *sheetstest.Request
	for _, r := range srv.Requests() {
		if r.Kind == sheetstest.KindBatchGet {
			first = &r
			break
		}
	}
	if first == nil || len(first.Query["ranges"]) != 4 {
		t.Errorf("the first read asked for %v; want the four tabs at once", first)
	}
	if sent, claims := sentInSheet(t, srv.Values(sheet, "送信履歴")); len(sent) != 2 || claims != 2 {
		t.Errorf("送信履歴 confirms %v and holds %d claims; want 2 messages, each claimed then confirmed", sent, claims)
	}
	counts := map[string]int{}
	for _, r := range srv.Requests() {
		counts[r.Kind]++
	}
	t.Logf("Google Sheets requests of one run that sent 2 messages: %v", counts)
}

// sentInSheet reads the 送信履歴 tab of the fake Google spreadsheet: how
// many rows confirm a message sent, per key, and how many claim one.
func sentInSheet(tb testing.TB, rows [][]any) (sent map[string]int, claims int) {
	tb.Helper()
	g := make(activity.Grid, len(rows))
	for i, row := range rows {
		for _, v := range row {
			g[i] = append(g[i], activity.TextCell(fmt.Sprint(v)))
		}
	}
	l, fs := activity.ReadSentLog("送信履歴", g)
	if len(fs) > 0 {
		tb.Fatal(fs)
	}
	sent = map[string]int{}
	for _, r := range l.Records {
		if r.Sent() {
			sent[r.Key]++
		} else {
			claims++
		}
	}
	return sent, claims
}
