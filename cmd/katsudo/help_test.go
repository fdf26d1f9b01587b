package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestHelp(t *testing.T) {
	tests := []struct {
		cmd          string
		want, absent []string // flags
	}{
		{"check", []string{"-fy", "-format", "-unit", "-now", "-workbook", "-config"}, []string{"-force", "-dry-run", "-listen"}},
		{"report", []string{"-fy", "-unit", "-force"}, []string{"-dry-run", "-month"}},
		{"remind", []string{"-dry-run", "-month", "-now"}, []string{"-fy", "-format", "-unit"}},
		{"summary", []string{"-dry-run", "-month"}, []string{"-fy", "-unit"}},
		{"run", []string{"-dry-run", "-log-format", "-now"}, []string{"-fy", "-format", "-unit", "-month"}},
		{"serve", []string{"-listen", "-grace", "-log-format"}, []string{"-fy", "-format", "-unit"}},
		{"doctor", []string{"-config", "-workbook"}, []string{"-fy", "-format", "-unit", "-now", "-force"}},
		{"init", []string{"-config", "-workbook"}, []string{"-fy", "-now"}},
		{"demo", []string{"-now", "-lang"}, []string{"-fy", "-config"}},
		{"login", []string{"-client", "-port"}, []string{"-fy", "-now"}},
	}
	langs := []struct {
		name           string
		environ        map[string]string
		example, exits string
		notSaid        string // English a Japanese help must not say
	}{
		{"English", map[string]string{"KATSUDO_LANGUAGE": "en"}, "\nExample:\n", "\nExit status:\n", ""},
		{"JapaneseByDefault", nil, "\n例：\n", "\n終了ステータス：\n", "Exit status"},
	}
	for _, lang := range langs {
		for _, tt := range tests {
			t.Run(lang.name+"/"+tt.cmd, func(t *testing.T) {
				got := MustRun(t, t.TempDir(), lang.environ, tt.cmd, "--help")
				if got.code != exitOK || got.stderr != "" {
					t.Fatalf("exit %d, stderr %q", got.code, got.stderr)
				}
				for _, want := range []string{"katsudo " + tt.cmd + " — ", lang.example + "  katsudo " + tt.cmd, lang.exits + "  0 ", "\n  2 "} {
					if !strings.Contains(got.stdout, want) {
						t.Errorf("help lacks %q:\n%s", want, got.stdout)
					}
				}
				if lang.notSaid != "" && strings.Contains(got.stdout, lang.notSaid) {
					t.Errorf("help says %q:\n%s", lang.notSaid, got.stdout)
				}
				for _, f := range tt.want {
					if !strings.Contains(got.stdout, "  "+f+" ") && !strings.Contains(got.stdout, "  "+f+"\n") {
						t.Errorf("help lacks the flag %s:\n%s", f, got.stdout)
					}
				}
				for _, f := range tt.absent {
					if strings.Contains(got.stdout, "  "+f+" ") || strings.Contains(got.stdout, "  "+f+"\n") {
						t.Errorf("help lists %s, which %s does not use:\n%s", f, tt.cmd, got.stdout)
					}
				}
			})
		}
	}
}

// TestHelpLanguageFromTheConfig checks that --help follows language: en in
// the config file it is pointed at, before the config is loaded.
func TestHelpLanguageFromTheConfig(t *testing.T) {
	dir := t.TempDir()
	conf := filepath.Join(dir, "en.yaml")
	if err := os.WriteFile(conf, []byte("language: en\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	got := MustRun(t, dir, nil, "check", "--config", conf, "--help")
	if !strings.Contains(got.stdout, "\nExit status:\n") || strings.Contains(got.stdout, "終了ステータス") {
		t.Errorf("help is not in English:\n%s", got.stdout)
	}
	got = MustRun(t, dir, nil, "--help")
	if !strings.Contains(got.stdout, "使い方：katsudo <コマンド>") {
		t.Errorf("the command list is not in Japanese:\n%s", got.stdout)
	}
}

func TestUnknownFlagIsReportedOnce(t *testing.T) {
	for _, cmd := range []string{"check", "doctor", "init", "demo", "run"} {
		t.Run(cmd, func(t *testing.T) {
			got := MustRun(t, t.TempDir(), nil, cmd, "--no-such-flag")
			if got.code != exitUsage {
				t.Errorf("exit %d, want %d", got.code, exitUsage)
			}
			if n := strings.Count(got.stderr, "no-such-flag"); n != 1 || strings.Count(strings.TrimSpace(got.stderr), "\n") != 0 {
				t.Errorf("stderr names the flag %d times in %d lines, want once in one line:\n%s", n, strings.Count(got.stderr, "\n"), got.stderr)
			}
			if !strings.Contains(got.stderr, "katsudo "+cmd+" --help") || got.stdout != "" {
				t.Errorf("stdout %q, stderr %q", got.stdout, got.stderr)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	for _, arg := range []string{"--version", "version"} {
		got := MustRun(t, t.TempDir(), nil, arg)
		if got.code != exitOK || !strings.HasPrefix(got.stdout, "katsudo ") || !strings.Contains(got.stdout, "go1.") {
			t.Errorf("%s: exit %d, stdout %q", arg, got.code, got.stdout)
		}
	}
}

func TestParseNow(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in string
		want     time.Time
		wantErr  bool
	}{
		{"RFC3339", "2022-05-10T10:00:00+09:00", time.Date(2022, 5, 10, 1, 0, 0, 0, time.UTC), false},
		{"PlainDateIsMidnightInTheZone", "2022-05-10", time.Date(2022, 5, 9, 15, 0, 0, 0, time.UTC), false},
		{"SlashesRefused", "2022/05/10", time.Time{}, true},
		{"Garbage", "tomorrow", time.Time{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseNow(env{}, tt.in, tokyo)
			if (err != nil) != tt.wantErr {
				t.Fatalf("got %v, want error %v", err, tt.wantErr)
			}
			if !tt.wantErr && !got.Equal(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestUsageErrorsFollowTheLanguage checks that a mistake on the command
// line is said in Japanese by default and in English with language: en.
func TestUsageErrorsFollowTheLanguage(t *testing.T) {
	tests := []struct {
		name    string
		environ map[string]string
		args    []string
		want    string
	}{
		{"JapaneseUnit", nil, []string{"check", "--workbook", "x.xlsx", "--unit", "man"}, `--unit "man"：yen か sen を指定してください`},
		{"EnglishUnit", map[string]string{"KATSUDO_LANGUAGE": "en"}, []string{"check", "--workbook", "x.xlsx", "--unit", "man"}, `--unit "man": use yen or sen`},
		{"JapaneseExtraArgument", nil, []string{"init", "now"}, `余分な引数 "now" があります`},
		{"JapaneseUnknownFlag", nil, []string{"check", "--fiscal"}, "（katsudo check --help を見てください）"},
		{"JapaneseUnknownCommand", nil, []string{"chek"}, `"chek" というコマンドはありません`},
		{"EnglishUnknownCommand", map[string]string{"KATSUDO_LANGUAGE": "en"}, []string{"chek"}, `unknown command "chek"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MustRun(t, t.TempDir(), tt.environ, tt.args...)
			if got.code != exitUsage || !strings.Contains(got.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", got.code, got.stderr, exitUsage, tt.want)
			}
		})
	}
}
