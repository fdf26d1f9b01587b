package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/katsudo-npo/katsudo/sync/sheets"
	"golang.org/x/oauth2"
)

// loginWait is how long login waits for the browser to come back.
const loginWait = 5 * time.Minute

// runLogin signs a member in to Google once, for organisations whose
// policy forbids service-account keys: the OAuth installed-app flow
// through a "Desktop app" OAuth client of the organisation's Cloud
// project, with the spreadsheets scope only. The refresh token is kept in
// a file only the user can read; katsudo signs in with it from then on
// unless google_credentials_file or GOOGLE_APPLICATION_CREDENTIALS names a
// key.
func runLogin(ctx context.Context, e env, args []string) error {
	fs := flagSet("login", e)
	client := fs.String("client", "", "the OAuth client file of a Desktop app (client_secret_….json from the Cloud console)")
	port := fs.Int("port", 0, "the local port the browser returns to (default: any free one; fix it to forward it over SSH)")
	cfgPath := fs.String("config", "", "config file (default katsudo.yaml when it exists)")
	if err := parseFlags(fs, e, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *client == "" {
		return errors.New("--client is required: create an OAuth client of type \"Desktop app\" in the Google Cloud console (APIs & Services → Credentials), download its JSON and pass it with --client FILE")
	}
	path, required := *cfgPath, true
	if path == "" {
		path, required = "katsudo.yaml", false
	}
	cfg, err := config.Load(path, required, e.getenv)
	if e.scrub != nil {
		e.scrub.Add(cfg.Secrets()...)
	}
	if err != nil {
		return err
	}
	j := &settings{cfg: cfg, lang: activity.Lang(cfg.Language)}
	conf, err := oauthClient(*client)
	if err != nil {
		return err
	}
	keep := loginFile(e.getenv)
	if keep == "" {
		return errors.New("cannot tell where to keep the sign-in: set HOME (or XDG_CONFIG_HOME)")
	}

	ln, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(*port))
	if err != nil {
		return fmt.Errorf("listen for the browser on 127.0.0.1:%d: %w", *port, err)
	}
	conf.RedirectURL = "http://" + ln.Addr().String() + "/"
	state, verifier := randomToken(), oauth2.GenerateVerifier()
	url := conf.AuthCodeURL(state, oauth2.AccessTypeOffline, oauth2.S256ChallengeOption(verifier), oauth2.SetAuthURLParam("prompt", "consent"))
	fmt.Fprintln(e.stdout, activity.Text{
		Ja: "ブラウザーで次の URL を開き、スプレッドシートを編集できる Google アカウントでログインしてください（" + conf.RedirectURL + " に戻ってきます。別のコンピューターのブラウザーを使うなら ssh -L " + strconv.Itoa(ln.Addr().(*net.TCPAddr).Port) + ":127.0.0.1:" + strconv.Itoa(ln.Addr().(*net.TCPAddr).Port) + " で転送してください）：",
		En: "Open this URL in a browser and sign in with the Google account that can edit the spreadsheet (it returns to " + conf.RedirectURL + "; from another computer's browser, forward the port with ssh -L " + strconv.Itoa(ln.Addr().(*net.TCPAddr).Port) + ":127.0.0.1:" + strconv.Itoa(ln.Addr().(*net.TCPAddr).Port) + "):",
	}.In(j.lang))
	fmt.Fprintln(e.stdout, "\n  "+url+"\n")

	code, err := awaitCode(ctx, ln, state)
	if err != nil {
		return err
	}
	tok, err := conf.Exchange(ctx, code, oauth2.VerifierOption(verifier))
	if err != nil {
		return fmt.Errorf("Google refused the sign-in: %w", err)
	}
	if tok.RefreshToken == "" {
		return errors.New("Google gave no refresh token: remove katsudo's access at https://myaccount.google.com/permissions and run katsudo login again")
	}
	err = sheets.SaveUserCredentials(keep, sheets.UserCredentials{
		ClientID: conf.ClientID, ClientSecret: conf.ClientSecret, RefreshToken: tok.RefreshToken, TokenURI: conf.Endpoint.TokenURL,
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, activity.Text{
		Ja: "ログインしました。" + keep + " に保存しました（本人だけが読めます）。",
		En: "Signed in; kept in " + keep + " (readable by you only).",
	}.In(j.lang))
	if cfg.GoogleCredentialsFile != "" {
		fmt.Fprintln(e.stdout, activity.Text{
			Ja: "ただし google_credentials_file（または GOOGLE_APPLICATION_CREDENTIALS）が " + cfg.GoogleCredentialsFile + " を指しているあいだは、そちらが使われます。",
			En: "While google_credentials_file (or GOOGLE_APPLICATION_CREDENTIALS) names " + cfg.GoogleCredentialsFile + ", that key is used instead.",
		}.In(j.lang))
		return nil
	}
	if cfg.SpreadsheetID == "" {
		return nil
	}
	s, err := openSpreadsheet(ctx, j, e)
	if err == nil {
		_, err = s.Tabs(ctx)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, activity.Text{Ja: "スプレッドシート " + s.URL() + " を開けました。", En: "Opened the spreadsheet " + s.URL() + "."}.In(j.lang))
	return nil
}

// oauthClient reads a Desktop app's OAuth client file.
func oauthClient(path string) (*oauth2.Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read the OAuth client: %w", err)
	}
	var f struct {
		Installed *struct {
			ClientID     string `json:"client_id"`
			ClientSecret string `json:"client_secret"`
			AuthURI      string `json:"auth_uri"`
			TokenURI     string `json:"token_uri"`
		} `json:"installed"`
		Web  json.RawMessage `json:"web"`
		Type string          `json:"type"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s is not an OAuth client file (JSON): download it again from the Cloud console", path)
	}
	switch {
	case f.Type == "service_account":
		return nil, fmt.Errorf("%s is a service-account key, not an OAuth client: put it in google_credentials_file instead, no login needed", path)
	case f.Web != nil:
		return nil, fmt.Errorf("%s is a \"Web application\" OAuth client; create one of type \"Desktop app\"", path)
	case f.Installed == nil || f.Installed.ClientID == "":
		return nil, fmt.Errorf("%s is not a Desktop app OAuth client: download it from APIs & Services → Credentials", path)
	}
	c := f.Installed
	conf := &oauth2.Config{
		ClientID: c.ClientID, ClientSecret: c.ClientSecret, Scopes: []string{sheets.SpreadsheetsScope},
		Endpoint: oauth2.Endpoint{AuthURL: c.AuthURI, TokenURL: c.TokenURI},
	}
	if conf.Endpoint.AuthURL == "" {
		conf.Endpoint.AuthURL = "https://accounts.google.com/o/oauth2/auth"
	}
	if conf.Endpoint.TokenURL == "" {
		conf.Endpoint.TokenURL = "https://oauth2.googleapis.com/token"
	}
	return conf, nil
}

// awaitCode serves the loopback address until the browser comes back with
// the authorization code for state.
func awaitCode(ctx context.Context, ln net.Listener, state string) (string, error) {
	type answer struct {
		code string
		err  error
	}
	got := make(chan answer, 1)
	srv := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		var a answer
		switch {
		case r.URL.Path != "/":
			http.NotFound(w, r)
			return
		case q.Get("state") != state:
			a.err = errors.New("the browser came back from another sign-in; run katsudo login again")
		case q.Get("error") != "":
			a.err = errors.New("Google did not sign in: " + q.Get("error"))
		case q.Get("code") == "":
			a.err = errors.New("the browser came back without a code; run katsudo login again")
		default:
			a.code = q.Get("code")
		}
		msg := "katsudo: ログインしました。このタブは閉じてかまいません。 / Signed in; you can close this tab."
		if a.err != nil {
			msg = "katsudo: " + a.err.Error()
		}
		fmt.Fprintf(w, "<!doctype html><meta charset=utf-8><title>katsudo</title><p>%s</p>\n", html.EscapeString(msg))
		select {
		case got <- a:
		default:
		}
	})}
	go srv.Serve(ln)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(ctx, loginWait)
	defer cancel()
	select {
	case a := <-got:
		return a.code, a.err
	case <-ctx.Done():
		return "", fmt.Errorf("no sign-in within %s: %w", loginWait, ctx.Err())
	}
}

func randomToken() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
