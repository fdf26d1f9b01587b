package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/bot/slacktest"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
)

// MustDoctorEnv is a fake Google and a fake Slack where everything is in
// order: the spreadsheet is shared, its tabs are right, the member 山田 is
// the Slack user U01 and the channel exists.
func MustDoctorEnv(tb testing.TB, dir string) (*sheetstest.Server, map[string]string) {
	tb.Helper()
	srv, environ := MustSheets(tb, dir, testLogRow(44326, 3000))
	slack := slacktest.New()
	tb.Cleanup(slack.Close)
	slack.AddChannel("C0KATSUDO", "katsudo", true)
	slack.AddUser("U01", "yamada@example.org")
	environ["SLACK_BOT_TOKEN"] = slacktest.Token
	environ["KATSUDO_SLACK_API_URL"] = slack.URL
	environ["KATSUDO_SLACK_CHANNEL"] = "C0KATSUDO"
	return srv, environ
}

func TestDoctor(t *testing.T) {
	t.Run("AllWell", func(t *testing.T) {
		dir := t.TempDir()
		srv, environ := MustDoctorEnv(t, dir)
		got := MustRun(t, dir, environ, "doctor")
		if got.code != 0 || strings.Contains(got.stdout, "NG ") {
			t.Fatalf("exit = %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
		}
		for _, want := range []string{testSA, "「活動ログ」タブの見出し（1行目）、データ 1 行", "「事業報告書」タブは最初の katsudo report で作られます"} {
			if !strings.Contains(got.stdout, want) {
				t.Errorf("stdout lacks %q:\n%s", want, got.stdout)
			}
		}
		if n := srv.Count(sheetstest.KindBatchUpdate); n != 0 {
			t.Errorf("doctor wrote %d times", n)
		}
	})

	tests := []struct {
		name  string
		setup func(t *testing.T, srv *sheetstest.Server, environ map[string]string)
		want  string // in an NG line
	}{
		{"NotShared", func(t *testing.T, srv *sheetstest.Server, _ map[string]string) {
			srv.AddSpreadsheet(testSheet, testInputTabs(nil)...)
		}, "add " + testSA + " as an Editor"},
		{"WrongID", func(t *testing.T, _ *sheetstest.Server, environ map[string]string) {
			environ["KATSUDO_SPREADSHEET_ID"] = "1NoSuchSpreadsheetxxxxxxxxxxxxxxxxxxxxxxxx"
		}, "spreadsheet_id in katsudo.yaml (or the URL it was copied from) is wrong"},
		{"TabRenamed", func(t *testing.T, srv *sheetstest.Server, _ map[string]string) {
			tabs := testInputTabs(nil)
			tabs[2].Title = "メンバー"
			srv.AddSpreadsheet(testSheet, tabs...)
			srv.Share(testSheet, testSA)
		}, "「会員」タブがありません（今あるタブ：活動ログ、事業、メンバー、メモ）：名前を変えたならタブ名を戻すか katsudo.yaml の tabs.members"},
		{"HeaderRenamed", func(t *testing.T, srv *sheetstest.Server, _ map[string]string) {
			header := append([]any(nil), testLogHeader...)
			header[7] = "費用"
			srv.SetValues(testSheet, "活動ログ", [][]any{header})
		}, "活動ログ!1:1: 「活動ログ」タブに「支出額」列がありません"},
		{"KeyReadableByOthers", func(t *testing.T, _ *sheetstest.Server, environ map[string]string) {
			if err := os.Chmod(environ["GOOGLE_APPLICATION_CREDENTIALS"], 0o644); err != nil {
				t.Fatal(err)
			}
		}, "chmod 600 "},
		{"KeyDeleted", func(t *testing.T, srv *sheetstest.Server, _ map[string]string) {
			srv.RevokeKey(testSA)
		}, "create a new JSON key for " + testSA},
		{"NoSpreadsheet", func(t *testing.T, _ *sheetstest.Server, environ map[string]string) {
			delete(environ, "KATSUDO_SPREADSHEET_ID")
		}, "spreadsheet_id にスプレッドシートの URL を書くか"},
		{"BadConfig", func(t *testing.T, _ *sheetstest.Server, environ map[string]string) {
			environ["KATSUDO_FISCAL_YEAR_START_MONTH"] = "13"
		}, "KATSUDO_FISCAL_YEAR_START_MONTH"},
		{"SlackTokenWrong", func(t *testing.T, _ *sheetstest.Server, environ map[string]string) {
			delete(environ, "SLACK_BOT_TOKEN")
		}, "SLACK_BOT_TOKEN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			srv, environ := MustDoctorEnv(t, dir)
			tt.setup(t, srv, environ)
			got := MustRun(t, dir, environ, "doctor")
			if got.code != 1 {
				t.Fatalf("exit = %d, want 1\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
			}
			found := false
			for _, line := range strings.Split(got.stdout, "\n") {
				found = found || strings.HasPrefix(line, "NG  ") && strings.Contains(line, tt.want)
			}
			if !found {
				t.Errorf("no NG line with %q:\n%s", tt.want, got.stdout)
			}
			if strings.Contains(got.stdout+got.stderr, "PRIVATE KEY") || strings.Contains(got.stdout+got.stderr, slacktest.Token) {
				t.Errorf("a secret is shown:\n%s%s", got.stdout, got.stderr)
			}
		})
	}
}

// TestDoctor_Workbook checks a local workbook: no Google at all.
func TestDoctor_Workbook(t *testing.T) {
	dir := t.TempDir()
	_, environ := MustDoctorEnv(t, dir)
	wb := filepath.Join(dir, "new.xlsx")
	if got := MustRun(t, dir, nil, "init", "--config", filepath.Join(dir, "katsudo.yaml"), "--workbook", wb); got.code != 0 {
		t.Fatalf("init: exit = %d\nstderr:\n%s", got.code, got.stderr)
	}
	got := MustRun(t, dir, environ, "doctor", "--workbook", wb)
	if got.code != 0 || !strings.Contains(got.stdout, "OK  ファイル "+wb) {
		t.Errorf("exit = %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
}
