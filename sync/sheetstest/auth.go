package sheetstest

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// account is a service account the token endpoint knows: its public key
// checks the JWTs the client signs with the private key.
type account struct {
	email string
	key   *rsa.PublicKey
}

// grant is an access token the server issued.
type grant struct {
	who     string
	expires time.Time
}

// testKey is one RSA key for every test account of the process: making a
// 2048-bit key takes long enough that each test should not make its own.
var testKey = sync.OnceValues(func() (*rsa.PrivateKey, error) {
	return rsa.GenerateKey(rand.Reader, 2048)
})

// ServiceAccountKey registers a service account and returns its JSON key,
// shaped like the one the Google Cloud console downloads, whose token_uri is
// this server's token endpoint.
func (s *Server) ServiceAccountKey(tb testing.TB, email string) []byte {
	tb.Helper()
	key, err := testKey()
	if err != nil {
		tb.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		tb.Fatal(err)
	}
	s.mu.Lock()
	s.accounts[email] = &account{email: email, key: &key.PublicKey}
	s.mu.Unlock()
	b, err := json.MarshalIndent(map[string]string{
		"type":                        "service_account",
		"project_id":                  "katsudo-test",
		"private_key_id":              "0123456789abcdef",
		"private_key":                 string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})),
		"client_email":                email,
		"client_id":                   "100000000000000000001",
		"auth_uri":                    s.URL + "/auth",
		"token_uri":                   s.TokenURL(),
		"auth_provider_x509_cert_url": s.URL + "/certs",
	}, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// RevokeKey forgets a service account's key, as deleting the key in the
// Google Cloud console does: the next token request fails.
func (s *Server) RevokeKey(email string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.accounts, email)
	for t, g := range s.tokens {
		if g.who == email {
			delete(s.tokens, t)
		}
	}
}

// AccessToken issues an access token for who directly, for tests that
// call the API with a plain HTTP client.
func (s *Server) AccessToken(who string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	access := "ya29.sheetstest-" + randomString()
	s.tokens[access] = grant{who: who, expires: s.now().Add(time.Hour)}
	return access
}

// token is the OAuth token endpoint.
func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		tokenError(w, http.StatusBadRequest, "invalid_request", err.Error())
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var (
		who, refresh string
		status       = http.StatusBadRequest
		code         = "invalid_grant"
		err          error
	)
	switch gt := r.PostForm.Get("grant_type"); gt {
	case "urn:ietf:params:oauth:grant-type:jwt-bearer":
		who, err = s.verifyJWT(r.PostForm.Get("assertion"))
	case "authorization_code":
		who, refresh, code, err = s.oauth.exchange(r)
	case "refresh_token":
		who, code, err = s.oauth.refresh(r)
	default:
		code, err = "unsupported_grant_type", errors.New("sheetstest: grant_type "+gt)
	}
	if code == "invalid_client" {
		status = http.StatusUnauthorized
	}
	if err != nil {
		tokenError(w, status, code, err.Error())
		return
	}
	access := "ya29.sheetstest-" + randomString()
	s.tokens[access] = grant{who: who, expires: s.now().Add(time.Hour)}
	resp := map[string]any{"access_token": access, "token_type": "Bearer", "expires_in": 3599}
	if refresh != "" {
		resp["refresh_token"] = refresh
		resp["scope"] = SpreadsheetsScope
	}
	writeJSON(w, http.StatusOK, resp)
}

// verifyJWT checks a service account's signed assertion as Google does:
// RS256 signed by the account's key, for this token endpoint, asking for
// the spreadsheets scope and nothing else, and current.
func (s *Server) verifyJWT(assertion string) (string, error) {
	parts := strings.Split(assertion, ".")
	if len(parts) != 3 {
		return "", errors.New("Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.")
	}
	var head struct{ Alg, Typ string }
	var claims struct {
		Iss, Scope, Aud, Sub string
		Exp, Iat             int64
	}
	if err := decodePart(parts[0], &head); err != nil {
		return "", err
	}
	if err := decodePart(parts[1], &claims); err != nil {
		return "", err
	}
	acct := s.accounts[claims.Iss]
	if acct == nil {
		return "", errors.New("Invalid JWT Signature.")
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return "", errors.New("Invalid JWT Signature.")
	}
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if head.Alg != "RS256" || rsa.VerifyPKCS1v15(acct.key, crypto.SHA256, sum[:], sig) != nil {
		return "", errors.New("Invalid JWT Signature.")
	}
	now := s.now().Unix()
	switch {
	case claims.Aud != s.TokenURL():
		return "", errors.New("Invalid JWT: aud " + claims.Aud + " is not " + s.TokenURL())
	case claims.Scope != SpreadsheetsScope:
		return "", errors.New("Invalid OAuth scope or ID token audience provided: " + claims.Scope)
	case claims.Sub != "" && claims.Sub != claims.Iss:
		return "", errors.New("sheetstest: domain-wide delegation is not supported")
	case claims.Iat > now+300 || claims.Exp < now || claims.Exp-claims.Iat > 3600:
		return "", errors.New("Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.")
	}
	return claims.Iss, nil
}

func decodePart(part string, v any) error {
	b, err := base64.RawURLEncoding.DecodeString(part)
	if err == nil {
		err = json.Unmarshal(b, v)
	}
	if err != nil {
		return errors.New("Invalid JWT: the token is not well formed")
	}
	return nil
}

func tokenError(w http.ResponseWriter, status int, code, desc string) {
	writeJSON(w, status, map[string]string{"error": code, "error_description": desc})
}

func randomString() string {
	b := make([]byte, 18)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
