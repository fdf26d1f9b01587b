package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/sync/sheetstest"
)

const testUser = "volunteer@example.org"

// MustLogin runs katsudo login against the fake Google and plays the
// browser: it opens the URL login prints, and the consent screen sends it
// back to login's loopback address.
func MustLogin(tb testing.TB, dir string, environ map[string]string, args ...string) (runResult, string) {
	tb.Helper()
	pr, pw := io.Pipe()
	var errb bytes.Buffer
	done := make(chan int, 1)
	go func() {
		e := env{getenv: func(k string) string { return environ[k] }, stdout: pw, stderr: &errb, workdir: dir}
		code := runEnv(context.Background(), e, append([]string{"login"}, args...))
		pw.Close()
		done <- code
	}()
	var out strings.Builder
	page := ""
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		line := sc.Text()
		out.WriteString(line + "\n")
		if u := strings.TrimSpace(line); strings.HasPrefix(u, "http") && page == "" {
			resp, err := http.Get(u)
			if err != nil {
				tb.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			page = string(b)
		}
	}
	return runResult{code: <-done, stdout: out.String(), stderr: errb.String()}, page
}

func TestLogin(t *testing.T) {
	dir := t.TempDir()
	srv, environ := MustSheets(t, dir, testLogRow(44326, 3000))
	delete(environ, "GOOGLE_APPLICATION_CREDENTIALS")
	environ["XDG_CONFIG_HOME"] = filepath.Join(dir, "config")
	client := filepath.Join(dir, "client_secret.json")
	if err := os.WriteFile(client, srv.OAuthClient(testUser), 0o600); err != nil {
		t.Fatal(err)
	}
	srv.Share(testSheet, testUser)

	got, page := MustLogin(t, dir, environ, "--client", client)
	if got.code != 0 {
		t.Fatalf("exit = %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
	if !strings.Contains(page, "ログインしました") {
		t.Errorf("the browser shows %q", page)
	}
	if !strings.Contains(got.stdout, "スプレッドシート https://docs.google.com/spreadsheets/d/"+testSheet+"/edit を開けました") {
		t.Errorf("login did not check the spreadsheet:\n%s", got.stdout)
	}
	kept := filepath.Join(dir, "config", "katsudo", "google-login.json")
	fi, err := os.Stat(kept)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("%s mode = %v, want 0600", kept, fi.Mode().Perm())
	}
	if di, _ := os.Stat(filepath.Dir(kept)); di.Mode().Perm() != 0o700 {
		t.Errorf("folder mode = %v, want 0700", di.Mode().Perm())
	}
	var saved map[string]string
	if err := json.Unmarshal(MustReadFile(t, kept), &saved); err != nil {
		t.Fatal(err)
	}
	if saved["type"] != "authorized_user" || saved["token_uri"] != srv.TokenURL() || !strings.HasPrefix(saved["refresh_token"], "1//") {
		t.Errorf("kept %v", saved)
	}
	if strings.Contains(got.stdout+got.stderr, saved["refresh_token"]) {
		t.Error("the refresh token was printed")
	}

	t.Run("ReportSignsInWithIt", func(t *testing.T) {
		srv.ResetCounts()
		if got := MustRun(t, dir, environ, "report", "--now", testNow); got.code != 0 {
			t.Fatalf("exit = %d\nstderr:\n%s", got.code, got.stderr)
		}
		if n := srv.Count(sheetstest.KindToken); n != 1 {
			t.Errorf("token requests = %d, want 1", n)
		}
	})
	t.Run("KeyComesFirst", func(t *testing.T) {
		withKey := map[string]string{}
		for k, v := range environ {
			withKey[k] = v
		}
		key := filepath.Join(dir, "key.json")
		if err := os.WriteFile(key, srv.ServiceAccountKey(t, "other@katsudo-test.iam.gserviceaccount.com"), 0o600); err != nil {
			t.Fatal(err)
		}
		withKey["GOOGLE_APPLICATION_CREDENTIALS"] = key
		got := MustRun(t, dir, withKey, "report", "--now", testNow)
		if got.code != 1 || !strings.Contains(got.stderr, "other@katsudo-test.iam.gserviceaccount.com may not open") {
			t.Errorf("exit = %d, stderr = %q; want the key's account to be used", got.code, got.stderr)
		}
	})
	t.Run("Revoked", func(t *testing.T) {
		srv.RevokeRefreshTokens()
		got := MustRun(t, dir, environ, "report", "--now", testNow)
		if got.code != 1 || !strings.Contains(got.stderr, "run `katsudo login` again") {
			t.Errorf("exit = %d, stderr = %q", got.code, got.stderr)
		}
	})
}

func TestLogin_BadClient(t *testing.T) {
	dir := t.TempDir()
	srv := sheetstest.New(t)
	environ := map[string]string{"XDG_CONFIG_HOME": filepath.Join(dir, "config")}
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"NoClient", nil, "--client を指定してください"}, // Japanese by default
		{"ServiceAccountKey", []string{"--client", write("key.json", srv.ServiceAccountKey(t, testSA))}, "put it in google_credentials_file instead"},
		{"WebClient", []string{"--client", write("web.json", []byte(`{"web":{"client_id":"x"}}`))}, `"Desktop app"`},
		{"NotJSON", []string{"--client", write("x.json", []byte("client_id=x"))}, "not an OAuth client file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MustRun(t, dir, environ, append([]string{"login"}, tt.args...)...)
			if got.code != 2 || !strings.Contains(got.stderr, tt.want) {
				t.Errorf("exit = %d, stderr = %q; want 2 and %q", got.code, got.stderr, tt.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "config")); err == nil {
		t.Error("a failed login kept something")
	}
}
