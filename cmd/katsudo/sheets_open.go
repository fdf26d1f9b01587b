package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"github.com/katsudo-npo/katsudo/sync/sheets"
)

// openSheets opens the Google spreadsheet named in the config.
func openSheets(ctx context.Context, j *settings, e env) (book, error) {
	return openSpreadsheet(ctx, j, e)
}

// openSpreadsheet opens the spreadsheet signed in with the first
// credentials found (see googleCredentials). The members' tabs are
// read-only to it.
func openSpreadsheet(ctx context.Context, j *settings, e env) (*sheets.Spreadsheet, error) {
	creds, err := googleCredentials(j, e)
	if err != nil {
		return nil, err
	}
	t := j.tabs()
	return sheets.OpenSpreadsheet(ctx, sheets.SheetsConfig{
		ID: j.cfg.SpreadsheetID, Credentials: creds, Endpoint: j.cfg.SheetsEndpoint,
		ReadOnly: []string{t.Log, t.Programs, t.Members},
		Logger:   j.logger(e),
	})
}

// googleCredentials finds what katsudo signs in to Google with, in this
// order: google_credentials_file in katsudo.yaml, GOOGLE_APPLICATION_CREDENTIALS
// (config falls back to it for the same setting), the sign-in `katsudo
// login` kept, and Application Default Credentials (the zero Credentials).
func googleCredentials(j *settings, e env) (sheets.Credentials, error) {
	if f := j.cfg.GoogleCredentialsFile; f != "" {
		c, err := sheets.ReadCredentials(f)
		if errors.Is(err, fs.ErrNotExist) {
			return c, &saidError{msg: "google_credentials_file (or GOOGLE_APPLICATION_CREDENTIALS) names " + f + ", which does not exist; download the service account's JSON key to that place", cause: err}
		}
		return c, err
	}
	p := loginFile(e.getenv)
	if p == "" {
		return sheets.Credentials{}, nil
	}
	if _, err := os.Stat(p); err != nil {
		return sheets.Credentials{}, nil
	}
	c, err := sheets.ReadCredentials(p)
	if err != nil {
		return c, fmt.Errorf("the sign-in kept by `katsudo login` (%s) cannot be used: %w", p, err)
	}
	return c, nil
}

// loginFile is where `katsudo login` keeps the sign-in: google-login.json
// in katsudo's folder of the user's configuration folder; "" when the
// environment names no home.
func loginFile(getenv func(string) string) string {
	dir := getenv("XDG_CONFIG_HOME")
	if dir == "" {
		switch runtime.GOOS {
		case "windows":
			dir = getenv("AppData")
		case "darwin":
			if h := getenv("HOME"); h != "" {
				dir = filepath.Join(h, "Library", "Application Support")
			}
		default:
			if h := getenv("HOME"); h != "" {
				dir = filepath.Join(h, ".config")
			}
		}
	}
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, "katsudo", "google-login.json")
}

// saidError is an error whose message is written for the person running
// katsudo, keeping its cause for errors.Is and errors.As.
type saidError struct {
	msg   string
	cause error
}

func (e *saidError) Error() string { return e.msg }
func (e *saidError) Unwrap() error { return e.cause }
