package sheets

import (
	"context"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/oauth2"
	"google.golang.org/api/option"
	"google.golang.org/api/sheets/v4"
)

// SpreadsheetsScope is the one permission katsudo asks Google for: to see
// and edit the spreadsheets shared with it. It never asks for Drive.
const SpreadsheetsScope = sheets.SpreadsheetsScope

// googleTokenURL is Google's token endpoint, for sign-ins that do not name one.
const googleTokenURL = "https://oauth2.googleapis.com/token"

// ErrNoCredentials means katsudo found nothing to sign in to Google with.
var ErrNoCredentials = errors.New("no Google credentials")

// ErrBadKey means the service-account key file is damaged: its private
// key cannot be read (an edited or truncated file, a copy-paste gone
// wrong). Only a new key from the Google Cloud console fixes it, so it
// is reported at once, never retried.
var ErrBadKey = errors.New("the service-account key is damaged")

// Credentials are what katsudo signs in to Google with: a service-account
// key downloaded from the Google Cloud console, the sign-in `katsudo login`
// keeps, or, when JSON is nil, Application Default Credentials (gcloud's,
// or the machine's own service account on Google Cloud).
type Credentials struct {
	JSON   []byte
	Source string // where they came from, for messages: a file or "Application Default Credentials"
	file   credentialsFile
}

// credentialsFile is the part of a credentials JSON katsudo looks at; the
// private key and the refresh token stay in JSON and go nowhere else.
type credentialsFile struct {
	Type         string          `json:"type"`
	ClientEmail  string          `json:"client_email"`
	TokenURI     string          `json:"token_uri"`
	ClientID     string          `json:"client_id"`
	PrivateKey   string          `json:"private_key"`
	ClientSecret string          `json:"client_secret"`
	RefreshToken string          `json:"refresh_token"`
	Installed    json.RawMessage `json:"installed"`
	Web          json.RawMessage `json:"web"`
}

// ReadCredentials reads a credentials file and checks that katsudo can
// sign in with it. Messages name the file and what is wrong, never what
// the file holds.
func ReadCredentials(path string) (Credentials, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Credentials{}, fmt.Errorf("read Google credentials: %w", err)
	}
	return ParseCredentials(data, path)
}

// ParseCredentials checks credentials held in memory; source names them in messages.
func ParseCredentials(data []byte, source string) (Credentials, error) {
	c := Credentials{JSON: data, Source: source}
	if err := json.Unmarshal(data, &c.file); err != nil {
		return Credentials{}, newProblem(ErrNoCredentials, "Google credentials "+source+" are not a JSON key file; download the service account's key again (JSON)")
	}
	f := c.file
	switch {
	case len(f.Installed) > 0 || len(f.Web) > 0:
		return Credentials{}, newProblem(ErrNoCredentials, source+" is an OAuth client, not a key: run `katsudo login --client "+source+"` to sign in with it, or download a service-account key")
	case f.Type == "service_account" && (f.ClientEmail == "" || f.PrivateKey == ""):
		return Credentials{}, newProblem(ErrNoCredentials, "the service-account key "+source+" lacks client_email or private_key; download a new JSON key")
	case f.Type == "service_account" && !readablePrivateKey(f.PrivateKey):
		return Credentials{}, newProblem(ErrBadKey, "the private key in the service-account key "+source+" is damaged and cannot be read; create a new JSON key for "+f.ClientEmail+" in the Google Cloud console (IAM & Admin → Service accounts → Keys) and put it in its place")
	case f.Type == "authorized_user" && (f.ClientID == "" || f.RefreshToken == ""):
		return Credentials{}, newProblem(ErrNoCredentials, "the sign-in "+source+" is incomplete; run `katsudo login` again")
	case f.Type == "service_account", f.Type == "authorized_user", f.Type == "external_account", f.Type == "impersonated_service_account":
		return c, nil
	}
	return Credentials{}, newProblem(ErrNoCredentials, "Google credentials "+source+" are of an unknown type "+fmt.Sprintf("%q", f.Type)+"; use a service-account key (JSON) or run `katsudo login`")
}

// readablePrivateKey reports whether pemKey is a PEM private key Go can
// read, in one of the forms Google's libraries accept.
func readablePrivateKey(pemKey string) bool {
	block, _ := pem.Decode([]byte(pemKey))
	if block == nil {
		return false
	}
	if _, err := x509.ParsePKCS8PrivateKey(block.Bytes); err == nil {
		return true
	}
	if _, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return true
	}
	_, err := x509.ParseECPrivateKey(block.Bytes)
	return err == nil
}

// Account is the Google account the credentials sign in as, when the file
// says it: a service account's address, which the spreadsheet must be
// shared with. It is "" for other kinds of credentials.
func (c Credentials) Account() string { return c.file.ClientEmail }

// Kind is the credentials' type: service_account, authorized_user, … or
// "" for Application Default Credentials.
func (c Credentials) Kind() string { return c.file.Type }

// options are the client options that sign in with c and ask for the
// spreadsheets scope only. A service-account key gets its tokens from the
// key's own token_uri; a `katsudo login` sign-in from the token_uri it
// kept.
func (c Credentials) options(timeout time.Duration) []option.ClientOption {
	scopes := option.WithScopes(SpreadsheetsScope)
	switch c.file.Type {
	case "":
		return []option.ClientOption{scopes}
	case "authorized_user":
		conf := &oauth2.Config{
			ClientID: c.file.ClientID, ClientSecret: c.file.ClientSecret, Scopes: []string{SpreadsheetsScope},
			Endpoint: oauth2.Endpoint{TokenURL: c.file.TokenURI, AuthStyle: oauth2.AuthStyleInParams},
		}
		if conf.Endpoint.TokenURL == "" {
			conf.Endpoint.TokenURL = googleTokenURL
		}
		ctx := context.WithValue(context.Background(), oauth2.HTTPClient, &http.Client{Timeout: timeout})
		return []option.ClientOption{option.WithTokenSource(conf.TokenSource(ctx, &oauth2.Token{RefreshToken: c.file.RefreshToken}))}
	}
	return []option.ClientOption{option.WithAuthCredentialsJSON(option.CredentialsType(c.file.Type), c.JSON), scopes}
}

// UserCredentials are what `katsudo login` keeps after a member signs in
// with their own Google account: the OAuth client they signed in through
// and the refresh token that lets katsudo act for them, with the
// spreadsheets scope only.
type UserCredentials struct {
	ClientID, ClientSecret, RefreshToken, TokenURI string
}

// SaveUserCredentials writes u to path in the authorized_user format gcloud
// also uses, readable by the user only (0600, in a 0700 folder). The file
// is replaced in one step, so a failed save leaves the old sign-in.
func SaveUserCredentials(path string, u UserCredentials) (err error) {
	data, err := json.MarshalIndent(map[string]string{
		"type": "authorized_user", "client_id": u.ClientID, "client_secret": u.ClientSecret,
		"refresh_token": u.RefreshToken, "token_uri": u.TokenURI,
	}, "", "  ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("keep the Google sign-in: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".katsudo-login-*")
	if err != nil {
		return fmt.Errorf("keep the Google sign-in: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = fmt.Errorf("keep the Google sign-in in %s: %w", path, err)
		}
	}()
	if err = tmp.Chmod(0o600); err != nil {
		return err
	}
	if _, err = tmp.Write(append(data, '\n')); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
