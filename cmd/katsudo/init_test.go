package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
	"github.com/xuri/excelize/v2"
)

func TestInitWorkbook(t *testing.T) {
	dir := t.TempDir()
	cfg, wb := filepath.Join(dir, "katsudo.yaml"), filepath.Join(dir, "new.xlsx")
	got := MustRun(t, dir, nil, "init", "--config", cfg, "--workbook", wb)
	if got.code != 0 {
		t.Fatalf("exit = %d\nstderr:\n%s", got.code, got.stderr)
	}
	yaml, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(config.Template, "\nworkbook: \"\"\n", "\nworkbook: \"new.xlsx\"\n", 1)
	if diff := cmp.Diff(want, string(yaml)); diff != "" {
		t.Errorf("katsudo.yaml mismatch (-want +got):\n%s", diff)
	}

	f, err := excelize.OpenFile(wb)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"活動ログ", "事業", "会員", "事業報告書", "チェック", "送信履歴"}, f.GetSheetList()); diff != "" {
		t.Errorf("tabs (-want +got):\n%s", diff)
	}
	header, _ := f.GetRows("活動ログ")
	if len(header) == 0 || strings.Join(header[0], ",") != "日付,事業,内容,場所,従事者,受益対象,受益先,支出額,状態,記入者,備考" {
		t.Errorf("log header = %v", header)
	}
	dvs, err := f.GetDataValidations("活動ログ")
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, dv := range dvs {
		kinds[dv.Sqref] = dv.Type + " " + dv.Formula1
	}
	wantKinds := map[string]string{
		"A2:A1048576": "custom TRUE", "B2:B1048576": "list '事業'!$A$2:$A$1048576", "H2:H1048576": "custom TRUE",
		"I2:I1048576": `list "実施,中止,活動なし"`, "J2:J1048576": "list '会員'!$A$2:$A$1048576",
	}
	if diff := cmp.Diff(wantKinds, kinds); diff != "" {
		t.Errorf("log validations (-want +got):\n%s", diff)
	}
	panes, err := f.GetPanes("活動ログ")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("log header row not frozen: %+v %v", panes, err)
	}
	f.Close()

	t.Run("SecondRunChangesNothing", func(t *testing.T) {
		before := MustReadFile(t, wb)
		got := MustRun(t, dir, nil, "init", "--config", cfg, "--workbook", wb)
		if got.code != 0 || !strings.Contains(got.stdout, "変更はありません") || !strings.Contains(got.stdout, "そのままにしました") {
			t.Fatalf("exit = %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
		}
		if !bytes.Equal(before, MustReadFile(t, wb)) {
			t.Error("the workbook changed")
		}
		if after, _ := os.ReadFile(cfg); !bytes.Equal(yaml, after) {
			t.Error("katsudo.yaml changed")
		}
	})
	t.Run("KatsudoReadsWhatInitWrote", func(t *testing.T) {
		got := MustRun(t, dir, nil, "check", "--config", cfg, "--now", testNow)
		if got.code != 0 || strings.Contains(got.stdout, "missing-column") {
			t.Errorf("exit = %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
		}
	})
}

// TestInitWorkbook_KeepsData adds only the missing tabs to a workbook
// that already holds a log, and checks to its columns where they are.
func TestInitWorkbook_KeepsData(t *testing.T) {
	dir := t.TempDir()
	wb := MustWorkbook(t, dir, []string{"2021/5/10", "1-1", "相談", "横須賀市", "山田", "中小企業 1社", "", "3,000円", "", "山田", ""})
	before, err := excelize.OpenFile(wb)
	if err != nil {
		t.Fatal(err)
	}
	oldLog, _ := before.GetRows("活動ログ")
	before.Close()
	got := MustRun(t, dir, nil, "init", "--config", filepath.Join(dir, "katsudo.yaml"), "--workbook", wb)
	if got.code != 0 {
		t.Fatalf("exit = %d\nstderr:\n%s", got.code, got.stderr)
	}
	f, err := excelize.OpenFile(wb)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	newLog, _ := f.GetRows("活動ログ")
	if diff := cmp.Diff(oldLog, newLog); diff != "" {
		t.Errorf("the log changed (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"活動ログ", "事業", "会員", "メモ", "事業報告書", "チェック", "送信履歴"}, f.GetSheetList()); diff != "" {
		t.Errorf("tabs (-want +got):\n%s", diff)
	}
	if dvs, _ := f.GetDataValidations("活動ログ"); len(dvs) != 5 {
		t.Errorf("log has %d validations, want 5", len(dvs))
	}
}

func TestInitSheets(t *testing.T) {
	dir := t.TempDir()
	srv := sheetstest.New(t)
	srv.AddSpreadsheet(testSheet, sheetstest.Tab{Title: "シート1", ID: 0})
	srv.Share(testSheet, testSA)
	key := filepath.Join(dir, "key.json")
	if err := os.WriteFile(key, srv.ServiceAccountKey(t, testSA), 0o600); err != nil {
		t.Fatal(err)
	}
	environ := map[string]string{"KATSUDO_SPREADSHEET_ID": testSheet, "KATSUDO_SHEETS_ENDPOINT": srv.Endpoint(), "GOOGLE_APPLICATION_CREDENTIALS": key}
	cfg := filepath.Join(dir, "katsudo.yaml")
	got := MustRun(t, dir, environ, "init", "--config", cfg)
	if got.code != 0 {
		t.Fatalf("exit = %d\nstderr:\n%s", got.code, got.stderr)
	}
	if diff := cmp.Diff([]string{"シート1", "活動ログ", "事業", "会員", "事業報告書", "チェック", "送信履歴"}, srv.Titles(testSheet)); diff != "" {
		t.Errorf("tabs (-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		tab                   string
		frozen                int64
		validated, protection int
	}{
		{"活動ログ", 1, 5, 0}, {"事業", 1, 4, 0}, {"会員", 1, 1, 0},
		{"事業報告書", 0, 0, 1}, {"チェック", 0, 0, 1}, {"送信履歴", 1, 0, 1},
	} {
		info := mustTab(t, srv, tc.tab)
		if info.Frozen != tc.frozen || info.ValidatedColumns != tc.validated || len(info.Protected) != tc.protection {
			t.Errorf("%s: frozen %d, validated columns %d, protections %d; want %d, %d, %d",
				tc.tab, info.Frozen, info.ValidatedColumns, len(info.Protected), tc.frozen, tc.validated, tc.protection)
		}
		for _, p := range info.Protected {
			if !p.WarningOnly {
				t.Errorf("%s: protection is not warning-only", tc.tab)
			}
		}
	}
	status := srv.Cell(testSheet, "活動ログ", 1, 8).Validation
	if status == nil || status.Condition.Type != "ONE_OF_LIST" || status.Strict || len(status.Condition.Values) != 3 {
		t.Errorf("状態 validation = %+v", status)
	}
	program := srv.Cell(testSheet, "活動ログ", 500, 1).Validation
	if program == nil || program.Condition.Type != "ONE_OF_RANGE" || program.Condition.Values[0].UserEnteredValue != "='事業'!$A$2:$A" {
		t.Errorf("事業 validation = %+v", program)
	}

	t.Run("SecondRunChangesNothing", func(t *testing.T) {
		srv.ResetCounts()
		got := MustRun(t, dir, environ, "init", "--config", cfg)
		if got.code != 0 || !strings.Contains(got.stdout, "変更はありません") {
			t.Fatalf("exit = %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
		}
		if n := srv.Count(sheetstest.KindBatchUpdate); n != 0 {
			t.Errorf("%d writes", n)
		}
	})
	t.Run("ReportIsOneReadOneWrite", func(t *testing.T) {
		srv.SetValues(testSheet, "活動ログ", [][]any{testLogHeader, testLogRow(44326, 3000)})
		srv.ResetCounts()
		got := MustRun(t, dir, environ, "report", "--config", cfg, "--now", testNow)
		if got.code != 0 {
			t.Fatalf("exit = %d\nstderr:\n%s", got.code, got.stderr)
		}
		want := map[string]int{sheetstest.KindToken: 1, sheetstest.KindBatchGet: 1, sheetstest.KindBatchUpdate: 1}
		if diff := cmp.Diff(want, requestCounts(srv)); diff != "" {
			t.Errorf("requests (-want +got):\n%s", diff)
		}
		if len(mustTab(t, srv, "事業報告書").Protected) != 1 {
			t.Error("the report lost its protection")
		}
	})
}

// TestInitSheets_KeepsData sets up a spreadsheet whose log a member
// already fills, with the columns in another order: no cell changes, and
// the dropdowns land on the columns where they are.
func TestInitSheets_KeepsData(t *testing.T) {
	dir := t.TempDir()
	srv, environ := MustSheets(t, dir)
	log := [][]any{{}, {"記入者", "状態", "日付", "事業", "内容", "場所", "従事者", "受益対象", "支出額"}, {"山田", "中止", 44326, "1-1", "相談"}}
	srv.SetValues(testSheet, "活動ログ", log)
	before := map[string][][]any{}
	for _, tab := range srv.Titles(testSheet) {
		before[tab] = srv.Values(testSheet, tab)
	}
	got := MustRun(t, dir, environ, "init", "--config", filepath.Join(dir, "katsudo.yaml"))
	if got.code != 0 {
		t.Fatalf("exit = %d\nstderr:\n%s", got.code, got.stderr)
	}
	for tab, vals := range before {
		if diff := cmp.Diff(vals, srv.Values(testSheet, tab)); diff != "" {
			t.Errorf("tab %s changed (-before +after):\n%s", tab, diff)
		}
	}
	if v := srv.Cell(testSheet, "活動ログ", 2, 1).Validation; v == nil || v.Condition.Type != "ONE_OF_LIST" {
		t.Errorf("状態 (column B) validation = %+v", v)
	}
	if v := srv.Cell(testSheet, "活動ログ", 1, 1).Validation; v != nil {
		t.Errorf("the header row got a validation: %+v", v)
	}
	if info := mustTab(t, srv, "活動ログ"); info.Frozen != 2 {
		t.Errorf("frozen rows = %d, want 2 (the header is on row 2)", info.Frozen)
	}
}

func MustReadFile(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestInitSaysWhatIsMissing: a log whose 場所 column was renamed 会場 is
// not "already set up" — report would refuse it — so init names the
// missing header and ends with status 1, changing nothing of the
// member's column.
func TestInitSaysWhatIsMissing(t *testing.T) {
	dir := t.TempDir()
	wb := MustWorkbook(t, dir, []string{"2021/5/10", "1-1", "経営相談", "横須賀市", "山田", "中小企業 1社", "", "3000", "", "山田", ""})
	grids, err := xlsx.OpenWorkbook(wb).Read(context.Background(), []string{"活動ログ", "事業", "会員"})
	if err != nil {
		t.Fatal(err)
	}
	var sheets []activity.Sheet
	for _, name := range []string{"活動ログ", "事業", "会員"} {
		var rows [][]activity.Value
		for _, r := range grids[name] {
			var vals []activity.Value
			for _, c := range r {
				text := c.Text
				if name == "活動ログ" && text == "場所" {
					text = "会場"
				}
				vals = append(vals, activity.Str(text, 0))
			}
			rows = append(rows, vals)
		}
		sheets = append(sheets, activity.Sheet{Name: name, Rows: rows})
	}
	if err := xlsx.OpenWorkbook(wb).Write(context.Background(), sheets); err != nil {
		t.Fatal(err)
	}
	got := MustRun(t, dir, nil, "init", "--workbook", wb)
	if got.code != exitFindings {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", got.code, exitFindings, got.stdout, got.stderr)
	}
	if strings.Contains(got.stdout, "すでに整っています") || !strings.Contains(got.stdout, "「場所」") {
		t.Errorf("init does not name the missing header:\n%s", got.stdout)
	}
	again, err := xlsx.OpenWorkbook(wb).Read(context.Background(), []string{"活動ログ"})
	if err != nil {
		t.Fatal(err)
	}
	if h := again["活動ログ"].At(0, 3).Text; h != "会場" {
		t.Errorf("the member's header became %q", h)
	}
}
