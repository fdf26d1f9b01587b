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
		}, "「共有」で " + testSA + " を編集者として追加してください"},
		{"WrongID", func(t *testing.T, _ *sheetstest.Server, environ map[string]string) {
			environ["KATSUDO_SPREADSHEET_ID"] = "1NoSuchSpreadsheetxxxxxxxxxxxxxxxxxxxxxxxx"
		}, "katsudo.yaml の spreadsheet_id（またはコピー元の URL）が違います"},
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
		}, testSA + " の新しい JSON キーを作成し"},
		{"KeyDamaged", func(t *testing.T, _ *sheetstest.Server, environ map[string]string) {
			path := environ["GOOGLE_APPLICATION_CREDENTIALS"]
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(strings.Replace(string(b), "MII", "XXX", 1)), 0o600); err != nil {
				t.Fatal(err)
			}
		}, "の秘密鍵が壊れていて読めません"},
		{"SlackChannelUnset", func(t *testing.T, _ *sheetstest.Server, environ map[string]string) {
			delete(environ, "KATSUDO_SLACK_CHANNEL")
		}, "slack_channel が設定されていません"},
		{"KeyFileMissing", func(t *testing.T, _ *sheetstest.Server, environ map[string]string) {
			environ["GOOGLE_APPLICATION_CREDENTIALS"] = "/nonexistent/key.json"
		}, "に書かれたファイルがありません"},
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
			if tt.name != "BadConfig" { // the config's own errors are said in English, where they name keys
				mustSpeakJapanese(t, got.stdout)
			}
			if strings.Contains(got.stdout, "次回の実行") {
				t.Errorf("doctor speaks of the next run, which it is not:\n%s", got.stdout)
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

func TestDoctorSlack(t *testing.T) {
	dir := t.TempDir()
	wb := MustSlackWorkbook(t, dir, 3)
	s, environ := MustSlack(t, 2)
	s.SetScopes("chat:write", "im:write", "im:history", "users:read")
	res := MustRun(t, dir, environ, "doctor", "--workbook", wb)
	var got []string
	for _, line := range strings.Split(res.stdout, "\n") {
		if p, ok := strings.CutPrefix(line, "NG  "); ok {
			got = append(got, p)
		}
	}
	want := []string{"Slack アプリに権限 channels:history, users:read.email がありません", "会員003 さん（会員タブ 4行目）の Slack アカウント U003 に DM を送れません"}
	if len(got) != len(want) || res.code != exitFindings {
		t.Fatalf("problems = %q; want %d", got, len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d = %q; want it to start %q", i, got[i], want[i])
		}
	}
}

// mustSpeakJapanese fails when an OK or NG line of doctor's Japanese
// output is in English alone.
func mustSpeakJapanese(tb testing.TB, out string) {
	tb.Helper()
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "OK  ") && !strings.HasPrefix(line, "NG  ") {
			continue
		}
		japanese := false
		for _, r := range line {
			japanese = japanese || r >= 0x3000
		}
		if !japanese {
			tb.Errorf("a line in English in the Japanese output: %q", line)
		}
	}
}

// TestDoctor_WorkbookWithoutSlack passes for an organisation that keeps
// its log in a local workbook and does not use Slack.
func TestDoctor_WorkbookWithoutSlack(t *testing.T) {
	dir := t.TempDir()
	wb := MustWorkbook(t, dir, []string{"2021/5/10", "1-1", "経営相談", "横須賀市", "山田", "中小企業 1社", "", "3000", "", "山田", ""})
	got := MustRun(t, dir, nil, "doctor", "--workbook", wb)
	if got.code != 0 || strings.Contains(got.stdout, "NG ") {
		t.Fatalf("exit = %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
	if !strings.Contains(got.stdout, "Slack は使わない設定です") {
		t.Errorf("doctor does not say Slack is not used:\n%s", got.stdout)
	}
	mustSpeakJapanese(t, got.stdout)
}

// TestDoctor_SlackDown says Slack is not answering and to run doctor
// again, not that anything goes out on a next run.
func TestDoctor_SlackDown(t *testing.T) {
	dir := t.TempDir()
	_, environ := MustDoctorEnv(t, dir)
	slack := slacktest.New()
	t.Cleanup(slack.Close)
	for n := 1; n <= 3; n++ {
		slack.FailOn("auth.test", n, slacktest.Fault{Status: 503})
	}
	environ["KATSUDO_SLACK_API_URL"] = slack.URL
	got := MustRun(t, dir, environ, "doctor")
	if got.code != 1 || !strings.Contains(got.stdout, "もう一度 katsudo doctor") || strings.Contains(got.stdout, "次回の実行") {
		t.Errorf("exit = %d\nstdout:\n%s", got.code, got.stdout)
	}
	mustSpeakJapanese(t, got.stdout)
}
