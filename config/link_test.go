package config_test

import (
	"testing"

	"github.com/katsudo-npo/katsudo/config"
)

func TestSheetLink(t *testing.T) {
	base := "https://docs.google.com/spreadsheets/d/1AbC/edit"
	gids := map[string]int64{"活動ログ": 0, "チェック": 1234}
	tests := []struct{ name, ref, want string }{
		{"CellOpensItsTabAndRange", "活動ログ!A17", base + "#gid=0&range=A17"},
		{"TabOpensItsTab", "チェック", base + "#gid=1234"},
		{"UnknownTabOpensTheSpreadsheet", "事業!H9", base},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := config.SheetLink("1AbC", tc.ref, gids); got != tc.want {
				t.Errorf("SheetLink(%q) = %q; want %q", tc.ref, got, tc.want)
			}
		})
	}
}
