package sheets

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// FindCredentials finds what katsudo signs in to Google with, in this
// order: file (google_credentials_file in katsudo.yaml, which falls back
// to GOOGLE_APPLICATION_CREDENTIALS), the sign-in `katsudo login` kept
// (LoginFile), and Application Default Credentials (the zero
// Credentials).
func FindCredentials(file string, getenv func(string) string) (Credentials, error) {
	if f := file; f != "" {
		c, err := ReadCredentials(f)
		if errors.Is(err, fs.ErrNotExist) {
			return c, &saidError{msg: "google_credentials_file (or GOOGLE_APPLICATION_CREDENTIALS) names " + f + ", which does not exist; download the service account's JSON key to that place", cause: err}
		}
		return c, err
	}
	p := LoginFile(getenv)
	if p == "" {
		return Credentials{}, nil
	}
	if _, err := os.Stat(p); err != nil {
		return Credentials{}, nil
	}
	c, err := ReadCredentials(p)
	if err != nil {
		return c, fmt.Errorf("the sign-in kept by `katsudo login` (%s) cannot be used: %w", p, err)
	}
	return c, nil
}

// LoginFile is where `katsudo login` keeps the sign-in: google-login.json
// in katsudo's folder of the user's configuration folder; "" when the
// environment names no home.
func LoginFile(getenv func(string) string) string {
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
