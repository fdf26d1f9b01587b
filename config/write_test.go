package config_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/config"
)

func TestWriteTemplate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "katsudo.yaml")
	t.Run("WritesOwnerOnlyWithTheWorkbookRelative", func(t *testing.T) {
		wrote, err := config.WriteTemplate(path, filepath.Join(dir, "log", "活動ログ.xlsx"))
		if err != nil || !wrote {
			t.Fatalf("wrote %v, err %v; want a new file", wrote, err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if want := "\nworkbook: \"log/活動ログ.xlsx\"\n"; !strings.Contains(string(data), want) {
			t.Errorf("the file lacks %q", want)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
			t.Errorf("mode %v, want 0600", fi.Mode().Perm())
		}
	})
	t.Run("LeavesAnExistingFile", func(t *testing.T) {
		if err := os.WriteFile(path, []byte("organization: 自分の\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		wrote, err := config.WriteTemplate(path, "")
		if err != nil || wrote {
			t.Fatalf("wrote %v, err %v; want it left alone", wrote, err)
		}
		if data, _ := os.ReadFile(path); string(data) != "organization: 自分の\n" {
			t.Errorf("the file was changed: %q", data)
		}
	})
}
