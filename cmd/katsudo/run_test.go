package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// runResult is what one katsudo invocation printed and returned.
type runResult struct {
	code           int
	stdout, stderr string
}

// MustRun runs katsudo with args in dir and an environment of its own.
func MustRun(tb testing.TB, dir string, environ map[string]string, args ...string) runResult {
	tb.Helper()
	var out, errb bytes.Buffer
	getenv := func(k string) string { return environ[k] }
	e := env{getenv: getenv, stdout: &out, stderr: &errb, workdir: dir}
	code := runEnv(context.Background(), e, args)
	return runResult{code: code, stdout: out.String(), stderr: errb.String()}
}

func texts(vals ...string) []activity.Value {
	out := make([]activity.Value, len(vals))
	for i, v := range vals {
		out[i] = activity.Str(v, 0)
	}
	return out
}

// MustWorkbook writes a workbook holding the three input tabs; log rows
// follow the template's header.
func MustWorkbook(tb testing.TB, dir string, logRows ...[]string) string {
	tb.Helper()
	path := filepath.Join(dir, "log.xlsx")
	log := [][]activity.Value{texts("日付", "事業", "内容", "場所", "従事者", "受益対象", "受益先", "支出額", "状態", "記入者", "備考")}
	for _, r := range logRows {
		log = append(log, texts(r...))
	}
	sheets := []activity.Sheet{
		{Name: "活動ログ", Rows: log},
		{Name: "事業", Rows: [][]activity.Value{
			texts("コード", "事業名", "区分", "内容", "担当", "頻度", "予算額", "決算額"),
			texts("1", "中小企業支援", "特定非営利活動", "", "", "", "", ""),
			texts("1-1", "経営管理支援", "", "中小企業の経営管理を支援する", "山田", "随時", "", "3000"),
		}},
		{Name: "会員", Rows: [][]activity.Value{texts("氏名", "Slack", "在籍"), texts("山田", "U01", "")}},
		{Name: "メモ", Rows: [][]activity.Value{texts("members' own notes")}},
	}
	if err := xlsx.OpenWorkbook(path).Write(context.Background(), sheets); err != nil {
		tb.Fatal(err)
	}
	return path
}

func TestCheck(t *testing.T) {
	t.Run("CleanLogExitsZero", func(t *testing.T) {
		dir := t.TempDir()
		wb := MustWorkbook(t, dir, []string{"2021/5/10", "1-1", "相談", "横須賀市", "山田", "中小企業 1社", "", "3,000円", "", "山田", ""})
		got := MustRun(t, dir, nil, "check", "--workbook", wb, "--now", "2021-07-01T10:00:00+09:00")
		if got.code != 0 {
			t.Fatalf("exit = %d, want 0\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
		}
	})
	t.Run("ErrorExitsOneAndJSONNamesTheCell", func(t *testing.T) {
		dir := t.TempDir()
		wb := MustWorkbook(t, dir,
			[]string{"2021/5/10", "1-1", "相談", "横須賀市", "山田", "中小企業 1社", "", "3,000円", "", "山田", ""},
			[]string{"令和3年13月1日", "1-1", "相談", "横須賀市", "山田", "", "", "0", "", "山田", ""},
		)
		got := MustRun(t, dir, nil, "check", "--workbook", wb, "--now", "2021-07-01T10:00:00+09:00", "--format", "json")
		if got.code != 1 {
			t.Fatalf("exit = %d, want 1\nstderr:\n%s", got.code, got.stderr)
		}
		var fs []map[string]string
		if err := json.Unmarshal([]byte(got.stdout), &fs); err != nil {
			t.Fatalf("stdout is not a JSON array: %v\n%s", err, got.stdout)
		}
		found := false
		for _, f := range fs {
			for _, k := range []string{"code", "severity", "ref", "message", "member"} {
				if _, ok := f[k]; !ok {
					t.Errorf("finding lacks %q: %v", k, f)
				}
			}
			if f["code"] == "unparsable" && f["ref"] == "活動ログ!A3" && f["member"] == "山田" {
				found = true
			}
		}
		if !found {
			t.Errorf("no unparsable finding at 活動ログ!A3 in %v", fs)
		}
	})
	t.Run("MissingFileExitsTwoWithOneLine", func(t *testing.T) {
		dir := t.TempDir()
		got := MustRun(t, dir, nil, "check", "--workbook", filepath.Join(dir, "nope.xlsx"))
		if got.code != 2 || strings.Count(strings.TrimSpace(got.stderr), "\n") != 0 || !strings.Contains(got.stderr, "nope.xlsx") {
			t.Errorf("exit = %d, stderr = %q; want 2 and one line naming the file", got.code, got.stderr)
		}
	})
	t.Run("NotAWorkbookExitsTwo", func(t *testing.T) {
		dir := t.TempDir()
		p := filepath.Join(dir, "log.xlsx")
		os.WriteFile(p, []byte("日付,事業\n2021/5/1,1-1\n"), 0o644)
		got := MustRun(t, dir, nil, "check", "--workbook", p)
		if got.code != 2 || !strings.Contains(got.stderr, "log.xlsx") {
			t.Errorf("exit = %d, stderr = %q", got.code, got.stderr)
		}
	})
	t.Run("BadFlagsExitTwo", func(t *testing.T) {
		dir := t.TempDir()
		for _, args := range [][]string{
			{"check", "--format", "xml", "--workbook", "x.xlsx"},
			{"check", "--now", "yesterday", "--workbook", "x.xlsx"},
			{"check", "--no-such-flag"},
			{"frobnicate"},
			{"check", "--config", filepath.Join(dir, "missing.yaml")},
		} {
			if got := MustRun(t, dir, nil, args...); got.code != 2 {
				t.Errorf("%v: exit = %d, want 2 (stderr %q)", args, got.code, got.stderr)
			}
		}
	})
	t.Run("ConfigFromEnvironment", func(t *testing.T) {
		dir := t.TempDir()
		wb := MustWorkbook(t, dir, []string{"2021/5/10", "1-1", "相談", "横須賀市", "山田", "中小企業 1社", "", "3,000円", "", "山田", ""})
		got := MustRun(t, dir, map[string]string{"KATSUDO_WORKBOOK": wb, "KATSUDO_LANGUAGE": "en"}, "check", "--now", "2021-07-01T10:00:00+09:00")
		if got.code != 0 || !strings.Contains(got.stdout, "No findings") {
			t.Errorf("exit = %d, stdout = %q, stderr = %q", got.code, got.stdout, got.stderr)
		}
	})
}

func TestReport(t *testing.T) {
	t.Run("WritesOnlyItsTabs", func(t *testing.T) {
		dir := t.TempDir()
		wb := MustWorkbook(t, dir, []string{"2021/5/10", "1-1", "相談", "横須賀市", "山田", "中小企業 1社", "", "3,000円", "", "山田", ""})
		got := MustRun(t, dir, nil, "report", "--workbook", wb, "--now", "2021-07-01T10:00:00+09:00", "--format", "json")
		if got.code != 0 {
			t.Fatalf("exit = %d\nstderr:\n%s", got.code, got.stderr)
		}
		var rep struct {
			FiscalYear int `json:"fiscal_year"`
			Period     struct{ Start, End string }
			Programs   []struct {
				Code          string
				Name          string
				Dates         string
				Places        []string
				Staff         int
				Beneficiaries []struct {
					Type   string
					Count  int
					Approx bool
				}
				ExpenseYen int64 `json:"expense_yen"`
				Cancelled  bool
			}
			TotalExpenseYen int64 `json:"total_expense_yen"`
		}
		if err := json.Unmarshal([]byte(got.stdout), &rep); err != nil {
			t.Fatalf("report JSON: %v\n%s", err, got.stdout)
		}
		if rep.FiscalYear != 2021 || rep.Period.Start != "2021-04-01" || rep.Period.End != "2022-03-31" || rep.TotalExpenseYen != 3000 {
			t.Errorf("report = %+v", rep)
		}
		if len(rep.Programs) != 2 || rep.Programs[1].Code != "1-1" || rep.Programs[1].Dates != "2021年5月10日" || rep.Programs[1].Staff != 1 ||
			len(rep.Programs[1].Beneficiaries) != 1 || rep.Programs[1].Beneficiaries[0].Type != "中小企業" {
			t.Errorf("programs = %+v", rep.Programs)
		}
		grids, err := xlsx.OpenWorkbook(wb).Read(context.Background(), []string{"事業報告書", "チェック", "メモ", "活動ログ"})
		if err != nil {
			t.Fatal(err)
		}
		if grids["メモ"].At(0, 0).Text != "members' own notes" || grids["活動ログ"].At(1, 0).Text != "2021/5/10" {
			t.Errorf("a member's tab changed: メモ %v, 活動ログ %v", grids["メモ"], grids["活動ログ"][1])
		}
		if !strings.Contains(grids["事業報告書"].At(0, 0).Text, "2021年度 事業報告書") {
			t.Errorf("report tab starts with %q", grids["事業報告書"].At(0, 0).Text)
		}
		for _, row := range grids["事業報告書"] {
			for _, c := range row {
				if strings.Contains(c.Text, "山田") {
					t.Errorf("a member's name is in the published report: %q", c.Text)
				}
			}
		}
	})
	t.Run("MissingColumnWritesNothing", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "log.xlsx")
		err := xlsx.OpenWorkbook(path).Write(context.Background(), []activity.Sheet{
			{Name: "活動ログ", Rows: [][]activity.Value{texts("日付", "事業", "内容", "場所", "従事者", "受益対象", "金額X", "状態", "記入者")}},
			{Name: "事業", Rows: [][]activity.Value{texts("コード", "事業名", "内容", "担当", "頻度", "決算額"), texts("1", "支援", "", "", "", "")}},
			{Name: "会員", Rows: [][]activity.Value{texts("氏名")}},
		})
		if err != nil {
			t.Fatal(err)
		}
		before, _ := os.ReadFile(path)
		got := MustRun(t, dir, nil, "report", "--workbook", path, "--now", "2021-07-01T10:00:00+09:00")
		after, _ := os.ReadFile(path)
		if got.code != 1 || !strings.Contains(got.stderr, "支出額") || !bytes.Equal(before, after) {
			t.Errorf("exit = %d, stderr = %q, file changed = %v", got.code, got.stderr, !bytes.Equal(before, after))
		}
	})
}
