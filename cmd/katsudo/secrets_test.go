package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/bot/slacktest"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
)

// TestSecretsNeverReachTheTerminal runs commands against servers that
// echo the request back in their errors — the Authorization header, the
// token request's signed assertion, the Slack token in the form — and
// finds none of it in what katsudo prints.
func TestSecretsNeverReachTheTerminal(t *testing.T) {
	const heartbeat = "https://hc-ping.com/5f2b1c4e-secret-uuid"
	tests := []struct {
		name     string
		setup    func(srv *sheetstest.Server, slack *slacktest.Server, environ map[string]string)
		args     []string
		wantCode int
		wantSaid string   // what the message must still say
		secrets  []string // what must not be printed
	}{
		{"SheetsEchoesTheBearerToken", func(srv *sheetstest.Server, _ *slacktest.Server, _ map[string]string) {
			srv.Fail(sheetstest.KindBatchGet, sheetstest.Fault{Status: 400, Echo: true})
		}, []string{"check", "--now", testNow}, 1, "Google Sheets refused the request", []string{"ya29.", "sheetstest-"}},
		{"TokenEndpointEchoesTheAssertion", func(srv *sheetstest.Server, _ *slacktest.Server, _ map[string]string) {
			srv.Fail(sheetstest.KindToken, sheetstest.Fault{Status: 400, Echo: true})
		}, []string{"check", "--now", testNow}, 1, "Google refused the key", []string{"eyJ", "assertion=e"}},
		{"DoctorWithAnEchoingSheets", func(srv *sheetstest.Server, _ *slacktest.Server, _ map[string]string) {
			srv.Fail(sheetstest.KindGet, sheetstest.Fault{Status: 400, Echo: true})
		}, []string{"doctor"}, 1, "リクエストを受け付けませんでした", []string{"ya29.", "sheetstest-"}},
		{"DoctorWithAnEchoingSlack", func(_ *sheetstest.Server, slack *slacktest.Server, _ map[string]string) {
			slack.FailOn("auth.test", 1, slacktest.Fault{Echo: true})
		}, []string{"doctor"}, 1, "invalid_arguments", []string{slacktest.Token, "xoxb-"}},
		{"DoctorWithASlackProxyEchoing", func(_ *sheetstest.Server, slack *slacktest.Server, _ map[string]string) {
			for n := 1; n <= 3; n++ {
				slack.FailOn("auth.test", n, slacktest.Fault{Status: 502, Echo: true})
			}
		}, []string{"doctor"}, 1, "Slack", []string{slacktest.Token, "xoxb-"}},
		{"BadHeartbeatURL", func(_ *sheetstest.Server, _ *slacktest.Server, environ map[string]string) {
			environ["KATSUDO_HEARTBEAT_URL"] = strings.Replace(heartbeat, "https", "ftp", 1)
		}, []string{"check", "--now", testNow}, 2, "KATSUDO_HEARTBEAT_URL", []string{"5f2b1c4e", "hc-ping.com"}},
		{"BadHeartbeatURLInDoctor", func(_ *sheetstest.Server, _ *slacktest.Server, environ map[string]string) {
			environ["KATSUDO_HEARTBEAT_URL"] = "hc-ping.com/5f2b1c4e-secret-uuid"
		}, []string{"doctor"}, 1, "KATSUDO_HEARTBEAT_URL", []string{"5f2b1c4e", "hc-ping.com"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			srv, environ := MustDoctorEnv(t, dir)
			slack := slacktest.New()
			t.Cleanup(slack.Close)
			slack.AddChannel("C0KATSUDO", "katsudo", true)
			slack.AddUser("U01", "yamada@example.org")
			environ["KATSUDO_SLACK_API_URL"] = slack.URL
			tt.setup(srv, slack, environ)
			got := MustRun(t, dir, environ, tt.args...)
			out := got.stdout + got.stderr
			if got.code != tt.wantCode {
				t.Errorf("exit %d, want %d\n%s", got.code, tt.wantCode, out)
			}
			if !strings.Contains(out, tt.wantSaid) {
				t.Errorf("the output does not say %q:\n%s", tt.wantSaid, out)
			}
			for _, s := range tt.secrets {
				if strings.Contains(out, s) {
					t.Errorf("the output holds %q:\n%s", s, out)
				}
			}
		})
	}
}

func TestInitWritesConfigForTheOwnerOnly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file modes are POSIX")
	}
	dir := t.TempDir()
	if got := MustRun(t, dir, nil, "init"); got.code != 0 {
		t.Fatalf("exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
	fi, err := os.Stat(filepath.Join(dir, "katsudo.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o600 {
		t.Errorf("katsudo.yaml has mode %v, want 0600", got)
	}
}
