package sheets_test

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/sync/sheets"
)

func TestFindCredentials(t *testing.T) {
	home := t.TempDir()
	env := func(k string) string { return map[string]string{"XDG_CONFIG_HOME": home}[k] }
	t.Run("NoneMeansApplicationDefault", func(t *testing.T) {
		c, err := sheets.FindCredentials("", env)
		if err != nil || c.JSON != nil {
			t.Errorf("got %+v, %v; want the zero Credentials", c, err)
		}
	})
	t.Run("MissingKeyFileSaysSoAndKeepsTheCause", func(t *testing.T) {
		missing := filepath.Join(home, "key.json")
		_, err := sheets.FindCredentials(missing, env)
		if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "google_credentials_file") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("TheLoginIsUsedWhenNoKeyIsNamed", func(t *testing.T) {
		kept := sheets.LoginFile(env)
		if kept != filepath.Join(home, "katsudo", "google-login.json") {
			t.Fatalf("LoginFile = %q", kept)
		}
		u := sheets.UserCredentials{ClientID: "c", ClientSecret: "s", RefreshToken: "1//r", TokenURI: "http://127.0.0.1/token"}
		if err := sheets.SaveUserCredentials(kept, u); err != nil {
			t.Fatal(err)
		}
		c, err := sheets.FindCredentials("", env)
		if err != nil || c.Source != kept || c.Kind() != "authorized_user" {
			t.Errorf("got source %q kind %q, err %v; want the kept sign-in", c.Source, c.Kind(), err)
		}
	})
	t.Run("NoHomeNoLogin", func(t *testing.T) {
		if got := sheets.LoginFile(func(string) string { return "" }); got != "" {
			t.Errorf("LoginFile = %q, want \"\"", got)
		}
	})
}
