package sheetstest

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"time"
)

// oauthState is the installed-app flow katsudo login uses: one OAuth client
// (a "Desktop app" client in the Cloud console), the user who consents on
// the consent screen, the codes handed out and the refresh tokens issued.
type oauthState struct {
	clientID, clientSecret string
	user                   string
	codes                  map[string]authCode
	refreshTokens          map[string]string // refresh token → user
}

type authCode struct {
	redirect, challenge, user string
	expires                   time.Time
}

func (o *oauthState) init() {
	o.clientID = "123-katsudo.apps.googleusercontent.com"
	o.clientSecret = "GOCSPX-sheetstest"
	o.codes = map[string]authCode{}
	o.refreshTokens = map[string]string{}
}

// OAuthClient makes user the person who signs in on the consent screen and
// returns the OAuth client's JSON as the Cloud console downloads it for a
// desktop app (client_secret_….json), with this server's endpoints.
func (s *Server) OAuthClient(user string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.oauth.user = user
	b, _ := json.Marshal(map[string]any{"installed": map[string]any{
		"client_id":     s.oauth.clientID,
		"project_id":    "katsudo-test",
		"auth_uri":      s.URL + "/auth",
		"token_uri":     s.TokenURL(),
		"client_secret": s.oauth.clientSecret,
		"redirect_uris": []string{"http://localhost"},
	}})
	return b
}

// consent is the consent screen: the user agrees at once and the browser
// is sent back to the app's loopback address with a code.
func (s *Server) consent(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.mu.Lock()
	defer s.mu.Unlock()
	redirect, err := url.Parse(q.Get("redirect_uri"))
	switch {
	case q.Get("client_id") != s.oauth.clientID:
		err = errors.New("invalid_client: The OAuth client was not found.")
	case err != nil || redirect.Scheme != "http" || (redirect.Hostname() != "127.0.0.1" && redirect.Hostname() != "localhost"):
		err = errors.New("invalid_request: redirect_uri must be a loopback address")
	case q.Get("response_type") != "code":
		err = errors.New("unsupported_response_type")
	case q.Get("scope") != SpreadsheetsScope:
		err = errors.New("invalid_scope: " + q.Get("scope"))
	case q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "":
		err = errors.New("invalid_request: PKCE with S256 is required")
	case s.oauth.user == "":
		err = errors.New("sheetstest: nobody signs in; call OAuthClient first")
	}
	if err != nil {
		http.Error(w, "Error 400: "+err.Error(), http.StatusBadRequest)
		return
	}
	code := "4/sheetstest-" + randomString()
	s.oauth.codes[code] = authCode{redirect: q.Get("redirect_uri"), challenge: q.Get("code_challenge"), user: s.oauth.user, expires: s.now().Add(10 * time.Minute)}
	back := redirect.Query()
	back.Set("code", code)
	back.Set("state", q.Get("state"))
	back.Set("scope", SpreadsheetsScope)
	redirect.RawQuery = back.Encode()
	http.Redirect(w, r, redirect.String(), http.StatusFound)
}

// client checks the client's ID and secret, in the body or as Basic auth.
func (o *oauthState) client(r *http.Request) bool {
	id, secret, ok := r.BasicAuth()
	if ok {
		id, _ = url.QueryUnescape(id)
		secret, _ = url.QueryUnescape(secret)
	} else {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	return id == o.clientID && secret == o.clientSecret
}

// exchange trades a code for tokens, checking the PKCE verifier.
func (o *oauthState) exchange(r *http.Request) (who, refresh, code string, err error) {
	if !o.client(r) {
		return "", "", "invalid_client", errors.New("Unauthorized")
	}
	c, ok := o.codes[r.PostForm.Get("code")]
	delete(o.codes, r.PostForm.Get("code"))
	sum := sha256.Sum256([]byte(r.PostForm.Get("code_verifier")))
	switch {
	case !ok || time.Now().After(c.expires):
		return "", "", "invalid_grant", errors.New("Malformed auth code.")
	case r.PostForm.Get("redirect_uri") != c.redirect:
		return "", "", "redirect_uri_mismatch", errors.New("Bad Request")
	case base64.RawURLEncoding.EncodeToString(sum[:]) != c.challenge:
		return "", "", "invalid_grant", errors.New("Invalid code verifier.")
	}
	refresh = "1//sheetstest-" + randomString()
	o.refreshTokens[refresh] = c.user
	return c.user, refresh, "", nil
}

// refresh gives a new access token for a refresh token.
func (o *oauthState) refresh(r *http.Request) (who, code string, err error) {
	if !o.client(r) {
		return "", "invalid_client", errors.New("Unauthorized")
	}
	who, ok := o.refreshTokens[r.PostForm.Get("refresh_token")]
	if !ok {
		return "", "invalid_grant", errors.New("Token has been expired or revoked.")
	}
	return who, "", nil
}

// RevokeRefreshTokens forgets every refresh token, as a user removing
// katsudo's access from their Google account does.
func (s *Server) RevokeRefreshTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.oauth.refreshTokens = map[string]string{}
}
