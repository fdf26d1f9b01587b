package config_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/config"
)

// A PEM private key as a service-account JSON holds it (escaped newlines)
// and as a file holds it.
const (
	pemBody      = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nVJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n"
	jwt          = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJrYXRzdWRvQGV4YW1wbGUuaWFtLmdzZXJ2aWNlYWNjb3VudC5jb20ifQ.c2lnbmF0dXJlLXRoYXQtaXMtc2VjcmV0"
	heartbeat    = "https://hc-ping.com/5f2b1c4e-0d1a-4c55-9a7e-3b2d1e0f9a88"
	scrubToken   = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx"
	scrubWebhook = "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX"
)

func TestScrub(t *testing.T) {
	pem := "-----BEGIN PRIVATE KEY-----\n" + pemBody + "-----END PRIVATE KEY-----\n"
	escaped := strings.ReplaceAll(pem, "\n", `\n`)
	tests := []struct {
		name, in string
		secrets  []string // what must not survive
		keep     []string // what must
	}{
		{"PEMBlock", "key: " + pem + " done", []string{"MIIEvQ", "END PRIVATE"}, []string{"key: ", " done"}},
		{"PEMInJSON", `{"private_key": "` + escaped + `", "client_email": "a@b"}`, []string{"MIIEvQ", "AoIBAQC7"}, []string{"client_email"}},
		{"PEMCutShort", "body: -----BEGIN RSA PRIVATE KEY-----\n" + pemBody[:40], []string{"MIIEvQ"}, []string{"body: "}},
		{"JWTInAForm", "oauth2: cannot fetch token: 400 Response: grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" + jwt, []string{"eyJhbGci", "c2lnbmF0dXJl"}, []string{"cannot fetch token: 400"}},
		{"BareJWT", "invalid " + jwt + " end", []string{"eyJ"}, []string{"invalid ", " end"}},
		{"BearerHeader", "echo: Authorization: Bearer ya29.a0AfH6SMBx-secret_token", []string{"a0AfH6SMBx"}, []string{"Authorization: Bearer "}},
		{"BearerOpaque", "Authorization: Bearer s3cr3t-opaque-value", []string{"s3cr3t"}, []string{"Bearer"}},
		{"SlackBotToken", "invalid_arguments form: token=" + scrubToken + "&channel=C1", []string{"1234567890"}, []string{"channel=C1"}},
		{"SlackUserToken", "xoxp-1-2-3-abcdef", []string{"abcdef"}, nil},
		{"SlackRotatingToken", "xoxe.xoxp-1-Mi0yLTEyMzQ1Njc4", []string{"Mi0y"}, nil},
		{"SlackRefreshToken", "xoxe-1-My0xLTEy", []string{"My0x"}, nil},
		{"SlackAppToken", "xapp-1-A0123-4567-abcdef", []string{"abcdef"}, nil},
		{"Webhook", "post " + scrubWebhook + ": 404", []string{"XXXXXXXX", "B000"}, []string{"post ", ": 404"}},
		{"GoogleRefreshToken", `{"refresh_token":"1//0gAbCdEfGhIjKlMnOpQrStUvWxYz"}`, []string{"0gAbCd"}, []string{"refresh_token"}},
		{"ClientSecretInAForm", "client_id=123.apps&client_secret=GOCSPX-abcdefghij&code=x", []string{"GOCSPX"}, []string{"client_id=123.apps"}},
		{"OrdinaryTextStays", "Google Sheets answered 502 (Bad Gateway) 3 times in 7s; the bot token is refused", nil, []string{"Google Sheets answered 502 (Bad Gateway) 3 times in 7s; the bot token is refused"}},
		{"JapaneseStays", "活動ログ!G17 の支出額「約3,000円」", nil, []string{"活動ログ!G17 の支出額「約3,000円」"}},
	}
	s := config.NewScrubber()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.Scrub(tt.in)
			for _, secret := range tt.secrets {
				if strings.Contains(got, secret) {
					t.Errorf("Scrub(%q) = %q, still holds %q", tt.in, got, secret)
				}
			}
			for _, k := range tt.keep {
				if !strings.Contains(got, k) {
					t.Errorf("Scrub(%q) = %q, lost %q", tt.in, got, k)
				}
			}
		})
	}
}

// TestScrubKnown blanks the organisation's own secrets, whatever their
// shape, also URL-encoded as a form or a query carries them.
func TestScrubKnown(t *testing.T) {
	s := config.NewScrubber("", "short")
	s.Add(heartbeat)
	for _, in := range []string{
		"Get " + heartbeat + ": dial tcp: connection refused",
		"form: url=" + url.QueryEscape(heartbeat),
	} {
		if got := s.Scrub(in); strings.Contains(got, "5f2b1c4e") {
			t.Errorf("Scrub(%q) = %q", in, got)
		}
	}
	if got := s.Scrub("a short word"); got != "a short word" {
		t.Errorf("a short secret blanked ordinary words: %q", got)
	}
}

func TestScrubberWriter(t *testing.T) {
	var b bytes.Buffer
	w := config.NewScrubber(scrubToken).Writer(&b)
	n, err := fmt.Fprintf(w, "NG  Slack: %s refused\n", scrubToken)
	if err != nil || n != len("NG  Slack: ")+len(scrubToken)+len(" refused\n") {
		t.Fatalf("wrote %d, %v; want the whole line accepted", n, err)
	}
	if got, want := b.String(), "NG  Slack: [redacted] refused\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// BenchmarkScrub is the cost of one log line or error line.
func BenchmarkScrub(b *testing.B) {
	s := config.NewScrubber(scrubToken, heartbeat, scrubWebhook)
	line := `time=2026-12-01T00:06:36.399Z level=WARN msg="slack call failed: retrying" method=conversations.open attempt=1 reason=503 wait=999.822508ms err="slack server error: 503 Service Unavailable"`
	b.ReportAllocs()
	for b.Loop() {
		s.Scrub(line)
	}
}

func TestScrubberReplaceAttr(t *testing.T) {
	var b strings.Builder
	s := config.NewScrubber("hunter2-heartbeat")
	log := slog.New(slog.NewTextHandler(&b, &slog.HandlerOptions{ReplaceAttr: s.ReplaceAttr}))
	log.Error("post failed: xoxb-123-456-abcdef", "err", errors.New("GET https://hc.example/hunter2-heartbeat: timeout"), "took", 3*time.Second, "n", 2)
	got := b.String()
	for _, secret := range []string{"xoxb-123-456-abcdef", "hunter2-heartbeat"} {
		if strings.Contains(got, secret) {
			t.Errorf("the log shows %q:\n%s", secret, got)
		}
	}
	for _, kept := range []string{"took=3s", "n=2", "timeout"} {
		if !strings.Contains(got, kept) {
			t.Errorf("the log lost %q:\n%s", kept, got)
		}
	}
}
