package config

import (
	"errors"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Language is the language katsudo speaks on the command line before a
// config is loaded, or when it cannot be (`--help`, a file that is not
// YAML): "en" when KATSUDO_LANGUAGE says English, else when the file at
// path (if any) can be read and its language key says English; "ja"
// otherwise, the organisation's default. Once Load succeeds,
// Config.Language decides; the problems Load finds speak its language.
func Language(path string, getenv func(string) string) string {
	if getenv != nil {
		if l, err := oneOf(strings.TrimSpace(getenv(EnvName("language"))), languages); err == nil {
			return l
		}
	}
	if path == "" {
		return "ja"
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "ja"
	}
	var f struct {
		Language string `yaml:"language"`
	}
	if yaml.Unmarshal(data, &f) != nil {
		return "ja"
	}
	if l, err := oneOf(strings.TrimSpace(f.Language), languages); err == nil {
		return l
	}
	return "ja"
}

// LanguageOf is the language the problems in err, as Load returned it,
// are written in; "" when err is not Load's.
func LanguageOf(err error) string {
	var ce *Error
	var re *readError
	switch {
	case errors.As(err, &ce):
		if ce.Lang == "en" {
			return "en"
		}
		return "ja"
	case errors.As(err, &re):
		return re.lang
	}
	return ""
}

// readError is a config file that could not be read at all; errors.Is
// finds ErrRead and the *fs.PathError beside it.
type readError struct {
	err  error
	lang string
}

func (e *readError) Error() string {
	if e.lang == "en" {
		return ErrRead.Error() + ": " + e.err.Error()
	}
	return "設定ファイルを読めません（" + e.err.Error() + "）"
}

func (e *readError) Unwrap() []error { return []error{ErrRead, e.err} }
