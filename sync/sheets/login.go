package sheets

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

	"golang.org/x/oauth2"
)

// LoginWait is how long a sign-in waits for the browser to come back.
const LoginWait = 5 * time.Minute

// Login is one Google sign-in by a member, for organisations whose
// policy forbids service-account keys: the OAuth installed-app flow
// through a "Desktop app" OAuth client of the organisation's Cloud
// project, with the spreadsheets scope only, PKCE, and a loopback address
// the browser comes back to. Its result is the refresh token katsudo
// signs in with from then on (see SaveUserCredentials).
type Login struct {
	conf            *oauth2.Config
	ln              net.Listener
	state, verifier string
}

// StartLogin reads the OAuth client file and listens on 127.0.0.1:port
// (0: any free port) for the browser's return.
func StartLogin(clientFile string, port int) (*Login, error) {
	conf, err := oauthClient(clientFile)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(port))
	if err != nil {
		return nil, fmt.Errorf("listen for the browser on 127.0.0.1:%d: %w", port, err)
	}
	conf.RedirectURL = "http://" + ln.Addr().String() + "/"
	return &Login{conf: conf, ln: ln, state: randomToken(), verifier: oauth2.GenerateVerifier()}, nil
}

// URL is the address the member opens in a browser to sign in.
func (l *Login) URL() string {
	return l.conf.AuthCodeURL(l.state, oauth2.AccessTypeOffline, oauth2.S256ChallengeOption(l.verifier), oauth2.SetAuthURLParam("prompt", "consent"))
}

// RedirectURL is where the browser comes back to; Port is its port, for
// forwarding it over SSH from another computer's browser.
func (l *Login) RedirectURL() string { return l.conf.RedirectURL }

// Port is the loopback port the browser comes back to.
func (l *Login) Port() int { return l.ln.Addr().(*net.TCPAddr).Port }

// Finish waits (at most LoginWait) for the browser to come back, trades
// the code for a refresh token, and returns the sign-in to keep.
func (l *Login) Finish(ctx context.Context) (UserCredentials, error) {
	code, err := awaitCode(ctx, l.ln, l.state)
	if err != nil {
		return UserCredentials{}, err
	}
	tok, err := l.conf.Exchange(ctx, code, oauth2.VerifierOption(l.verifier))
	if err != nil {
		return UserCredentials{}, fmt.Errorf("Google refused the sign-in: %w", err)
	}
	if tok.RefreshToken == "" {
		return UserCredentials{}, errors.New("Google gave no refresh token: remove katsudo's access at https://myaccount.google.com/permissions and run katsudo login again")
	}
	return UserCredentials{ClientID: l.conf.ClientID, ClientSecret: l.conf.ClientSecret, RefreshToken: tok.RefreshToken, TokenURI: l.conf.Endpoint.TokenURL}, nil
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
		ClientID: c.ClientID, ClientSecret: c.ClientSecret, Scopes: []string{SpreadsheetsScope},
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
	// Shutdown, not Close: the handler hands the code over before its
	// page has reached the browser; Close would cut the page off.
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	ctx, cancel := context.WithTimeout(ctx, LoginWait)
	defer cancel()
	select {
	case a := <-got:
		return a.code, a.err
	case <-ctx.Done():
		return "", fmt.Errorf("no sign-in within %s: %w", LoginWait, ctx.Err())
	}
}

func randomToken() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
