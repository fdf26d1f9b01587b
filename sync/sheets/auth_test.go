package sheets_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/sync/sheets"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
)

func TestParseCredentials(t *testing.T) {
	srv := sheetstest.New(t)
	key := srv.ServiceAccountKey(t, account)
	tests := []struct {
		name              string
		json              string
		wantKind, wantAcc string
		wantErr           string
	}{
		{"ServiceAccount", string(key), "service_account", account, ""},
		{"AuthorizedUser", `{"type":"authorized_user","client_id":"c","client_secret":"s","refresh_token":"1//r"}`, "authorized_user", "", ""},
		{"OAuthClient", string(srv.OAuthClient("u@example.org")), "", "", "run `katsudo login --client f.json`"},
		{"KeyWithoutPrivateKey", `{"type":"service_account","client_email":"a@b"}`, "", "", "download a new JSON key"},
		{"LoginWithoutToken", `{"type":"authorized_user","client_id":"c"}`, "", "", "run `katsudo login` again"},
		{"NotJSON", "-----BEGIN PRIVATE KEY-----\nMIIE", "", "", "not a JSON key file"},
		{"UnknownType", `{"type":"api_key"}`, "", "", `unknown type "api_key"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := sheets.ParseCredentials([]byte(tt.json), "f.json")
			if tt.wantErr != "" {
				if !errors.Is(err, sheets.ErrNoCredentials) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got %v, want ErrNoCredentials saying %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "BEGIN") || strings.Contains(err.Error(), "1//") {
					t.Errorf("the error shows a secret: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Kind() != tt.wantKind || c.Account() != tt.wantAcc {
				t.Errorf("kind %q account %q, want %q %q", c.Kind(), c.Account(), tt.wantKind, tt.wantAcc)
			}
		})
	}
}

func TestSaveUserCredentials(t *testing.T) {
	path := filepath.Join(t.TempDir(), "katsudo", "google-login.json")
	u := sheets.UserCredentials{ClientID: "c", ClientSecret: "s", RefreshToken: "1//r", TokenURI: "http://127.0.0.1/token"}
	for range 2 { // the second save replaces the first
		if err := sheets.SaveUserCredentials(path, u); err != nil {
			t.Fatal(err)
		}
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	c, err := sheets.ReadCredentials(path)
	if err != nil || c.Kind() != "authorized_user" {
		t.Errorf("read back %q, %v", c.Kind(), err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("files left in the folder: %v", entries)
	}
}
