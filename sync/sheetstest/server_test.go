package sheetstest_test

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
)

const sa = "t@katsudo-test.iam.gserviceaccount.com"

// signJWT signs claims with the key in a service-account JSON, as Google's
// client libraries do.
func signJWT(t *testing.T, keyJSON []byte, claims map[string]any) string {
	t.Helper()
	var k struct {
		PrivateKey string `json:"private_key"`
	}
	if err := json.Unmarshal(keyJSON, &k); err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode([]byte(k.PrivateKey))
	parsed, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	enc := func(v any) string {
		b, _ := json.Marshal(v)
		return base64.RawURLEncoding.EncodeToString(b)
	}
	head := enc(map[string]string{"alg": "RS256", "typ": "JWT"}) + "." + enc(claims)
	sum := sha256.Sum256([]byte(head))
	sig, err := rsa.SignPKCS1v15(rand.Reader, parsed.(*rsa.PrivateKey), crypto.SHA256, sum[:])
	if err != nil {
		t.Fatal(err)
	}
	return head + "." + base64.RawURLEncoding.EncodeToString(sig)
}

func TestToken(t *testing.T) {
	srv := sheetstest.New(t)
	key := srv.ServiceAccountKey(t, sa)
	now := time.Now().Unix()
	good := func() map[string]any {
		return map[string]any{"iss": sa, "scope": sheetstest.SpreadsheetsScope, "aud": srv.TokenURL(), "iat": now, "exp": now + 3600}
	}
	tests := []struct {
		name   string
		change func(c map[string]any)
		tamper bool
		want   int
	}{
		{"Valid", func(map[string]any) {}, false, 200},
		{"WrongAudience", func(c map[string]any) { c["aud"] = "https://oauth2.googleapis.com/token" }, false, 400},
		{"DriveScope", func(c map[string]any) {
			c["scope"] = sheetstest.SpreadsheetsScope + " https://www.googleapis.com/auth/drive"
		}, false, 400},
		{"Expired", func(c map[string]any) { c["exp"] = now - 10 }, false, 400},
		{"UnknownAccount", func(c map[string]any) { c["iss"] = "x@y" }, false, 400},
		{"BadSignature", func(map[string]any) {}, true, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := good()
			tt.change(c)
			jwt := signJWT(t, key, c)
			if tt.tamper {
				jwt = jwt[:len(jwt)-4] + "AAAA"
			}
			resp, err := http.PostForm(srv.TokenURL(), url.Values{"grant_type": {"urn:ietf:params:oauth:grant-type:jwt-bearer"}, "assertion": {jwt}})
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, tt.want, body)
			}
		})
	}
}

// TestAPI_RequiresToken refuses requests without a token the server issued.
func TestAPI_RequiresToken(t *testing.T) {
	srv := sheetstest.New(t)
	srv.AddSpreadsheet("s", sheetstest.Tab{Title: "A"})
	srv.Share("s", sa)
	for _, auth := range []string{"", "Bearer ya29.made-up"} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/v4/spreadsheets/s", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("%q: status %d, want 401", auth, resp.StatusCode)
		}
	}
}

// TestBatchUpdate_Atomic applies nothing of a batch with a bad request,
// and refuses cells beyond the grid as Google does.
func TestBatchUpdate_Atomic(t *testing.T) {
	srv := sheetstest.New(t)
	srv.AddSpreadsheet("s", sheetstest.Tab{Title: "A", ID: 7, Rows: [][]any{{"old"}}})
	srv.Share("s", sa)
	key := srv.ServiceAccountKey(t, sa)
	now := time.Now().Unix()
	resp, err := http.PostForm(srv.TokenURL(), url.Values{"grant_type": {"urn:ietf:params:oauth:grant-type:jwt-bearer"},
		"assertion": {signJWT(t, key, map[string]any{"iss": sa, "scope": sheetstest.SpreadsheetsScope, "aud": srv.TokenURL(), "iat": now, "exp": now + 60})}})
	if err != nil {
		t.Fatal(err)
	}
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	json.NewDecoder(resp.Body).Decode(&tok)
	resp.Body.Close()
	for _, tc := range []struct{ name, body, want string }{
		{"SecondRequestBad", `{"requests":[{"updateCells":{"start":{"sheetId":7},"rows":[{"values":[{"userEnteredValue":{"stringValue":"new"}}]}],"fields":"userEnteredValue"}},{"updateSheetProperties":{"properties":{"sheetId":99,"title":"B"},"fields":"title"}}]}`, "No grid with id: 99"},
		{"BeyondGrid", `{"requests":[{"updateCells":{"start":{"sheetId":7,"rowIndex":1000},"rows":[{"values":[{"userEnteredValue":{"stringValue":"x"}}]}],"fields":"userEnteredValue"}}]}`, "exceeds grid limits"},
		{"Unsupported", `{"requests":[{"deleteSheet":{"sheetId":7}}]}`, "not supported"},
	} {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/v4/spreadsheets/s:batchUpdate", strings.NewReader(tc.body))
		req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 400 || !strings.Contains(string(body), tc.want) {
			t.Errorf("%s: status %d %s, want 400 with %q", tc.name, resp.StatusCode, body, tc.want)
		}
		if diff := cmp.Diff([][]any{{"old"}}, srv.Values("s", "A")); diff != "" {
			t.Errorf("%s: the tab changed (-want +got):\n%s", tc.name, diff)
		}
	}
}
