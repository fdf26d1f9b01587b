package config_test

import (
	"testing"

	"github.com/katsudo-npo/katsudo/config"
)

const sheetID = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms"

// TestLoad_SpreadsheetID checks that every URL a member might copy from the
// browser gives the bare ID.
func TestLoad_SpreadsheetID(t *testing.T) {
	tests := []struct {
		name, value string
	}{
		{"BareID", sheetID},
		{"Edit", "https://docs.google.com/spreadsheets/d/" + sheetID + "/edit#gid=0"},
		{"EditGidQuery", "https://docs.google.com/spreadsheets/d/" + sheetID + "/edit?gid=1234567#gid=1234567"},
		{"Sharing", "https://docs.google.com/spreadsheets/d/" + sheetID + "/edit?usp=sharing"},
		{"SignedInAccount", "https://docs.google.com/spreadsheets/u/0/d/" + sheetID + "/edit"},
		{"SecondAccount", "https://docs.google.com/spreadsheets/u/1/d/" + sheetID + "/htmlview"},
		{"WorkspaceDomain", "https://docs.google.com/a/example.org/spreadsheets/d/" + sheetID + "/edit"},
		{"NoTrailingPath", "https://docs.google.com/spreadsheets/d/" + sheetID},
		{"TrailingSlash", "https://docs.google.com/spreadsheets/d/" + sheetID + "/"},
		{"NoScheme", "docs.google.com/spreadsheets/d/" + sheetID + "/edit"},
		{"HTTP", "http://docs.google.com/spreadsheets/d/" + sheetID + "/edit"},
		{"SpacesAround", "  https://docs.google.com/spreadsheets/d/" + sheetID + "/edit  "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, env := range []bool{false, true} {
				var c config.Config
				if env {
					c = MustLoad(t, "", map[string]string{"KATSUDO_SPREADSHEET_ID": tt.value})
				} else {
					c = MustLoad(t, "spreadsheet_id: "+quote(tt.value)+"\n", nil)
				}
				if c.SpreadsheetID != sheetID {
					t.Errorf("SpreadsheetID (env %v) = %q, want %q", env, c.SpreadsheetID, sheetID)
				}
			}
		})
	}
}

func quote(s string) string { return `"` + s + `"` }
