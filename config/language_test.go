package config_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/katsudo-npo/katsudo/config"
)

// TestLoad_ErrorsJapanese checks that the config's problems are said in
// Japanese by default, and in English when the config or the environment
// says language: en.
func TestLoad_ErrorsJapanese(t *testing.T) {
	tests := []struct {
		name string
		file string
		env  map[string]string
		want string
	}{
		{"JapaneseByDefault", "deadline_day: 31\n", nil,
			`katsudo.yaml:1: deadline_day: "31" が指定されていますが、1 から 28 までの日にちを指定してください`},
		{"JapaneseUnknownKey", "organization: NPO\n\nspredsheet_id: abc\n", nil,
			`katsudo.yaml:3: "spredsheet_id" というキーはありません（"spreadsheet_id" の書き間違いではありませんか？）`},
		{"JapaneseWithTheReason", "timezone: JST\n", nil,
			`katsudo.yaml:1: timezone: "JST" が指定されていますが、Asia/Tokyo のようなタイムゾーン名を指定してください（JST はタイムゾーン名ではありません。Asia/Tokyo と書いてください）`},
		{"JapaneseAroundTheYAMLLibrary", "tabs:\n\tlog: 活動ログ\n", nil,
			"katsudo.yaml:2: YAML として読めません：found character that cannot start any token（字下げはタブではなくスペースでしてください）"},
		{"JapaneseForTheEnvironment", "", map[string]string{"SLACK_BOT_TOKEN": "xoxp-1"},
			"SLACK_BOT_TOKEN: ユーザートークン（xoxp-…）が設定されています。アプリの Bot User OAuth Token（xoxb-…）を設定してください"},
		{"EnglishWhenTheFileSaysSo", "language: en\ndeadline_day: 31\n", nil,
			`katsudo.yaml:2: deadline_day: found "31", expected a day of the month from 1 to 28`},
		{"EnglishWhenTheEnvironmentSaysSo", "deadline_day: 31\n", map[string]string{"KATSUDO_LANGUAGE": "en"},
			`katsudo.yaml:1: deadline_day: found "31", expected a day of the month from 1 to 28`},
		{"JapaneseWhenTheLanguageIsBad", "language: fr\n", nil,
			`katsudo.yaml:1: language: "fr" が指定されていますが、"ja" か "en" を指定してください`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, tt.file, tt.env)
			if got := errText(err); got != tt.want {
				t.Errorf("error:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
	t.Run("JapaneseForAFileThatCannotBeRead", func(t *testing.T) {
		t.Chdir(t.TempDir())
		_, err := config.Load("nope.yaml", true, nil)
		if got, want := errText(err), "設定ファイルを読めません（open nope.yaml: no such file or directory）"; got != want {
			t.Errorf("error = %q, want %q", got, want)
		}
		if got := config.LanguageOf(err); got != "ja" {
			t.Errorf("LanguageOf = %q, want ja", got)
		}
	})
}

// TestLanguage checks the language katsudo speaks before a config is
// loaded: the environment first, then the file's language key, else
// Japanese.
func TestLanguage(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	en, ja := write("en.yaml", "language: English\n"), write("ja.yaml", "language: ja\n")
	broken := write("broken.yaml", "language: en\n\tdeadline_day: 5\n")
	tests := []struct {
		name, path string
		env        map[string]string
		want       string
	}{
		{"JapaneseWithNothingSaid", "", nil, "ja"},
		{"JapaneseWithoutTheFile", filepath.Join(dir, "missing.yaml"), nil, "ja"},
		{"EnglishFromTheFile", en, nil, "en"},
		{"JapaneseFromTheFile", ja, nil, "ja"},
		{"EnvironmentWins", ja, map[string]string{"KATSUDO_LANGUAGE": "en"}, "en"},
		{"BadEnvironmentFallsToTheFile", en, map[string]string{"KATSUDO_LANGUAGE": "fr"}, "en"},
		{"JapaneseWhenTheFileIsNotYAML", broken, nil, "ja"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := config.Language(tt.path, getenv(tt.env)); got != tt.want {
				t.Errorf("Language = %q, want %q", got, tt.want)
			}
		})
	}
}
