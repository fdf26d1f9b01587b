package activity_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
)

func TestCheckTabName(t *testing.T) {
	tests := []struct {
		name string
		tab  string
		ok   bool
	}{
		{"Japanese", "事業報告書", true},
		{"ThirtyOneCharacters", strings.Repeat("あ", 31), true},
		{"InnerApostrophe", "Bob's log", true},
		{"Blank", "", false},
		{"OnlySpaces", "  ", false},
		{"ThirtyTwoCharacters", strings.Repeat("あ", 32), false},
		{"Slash", "a/b", false},
		{"Colon", "a:b", false},
		{"Asterisk", "a*", false},
		{"Question", "a?", false},
		{"Backslash", `a\b`, false},
		{"Brackets", "[a]", false},
		{"LeadingApostrophe", "'a", false},
		{"TrailingApostrophe", "a'", false},
		{"Reserved", "history", false},
		{"ControlCharacter", "a\tb", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := activity.CheckTabName(tt.tab)
			if got := err == nil; got != tt.ok {
				t.Errorf("CheckTabName(%q) = %v, want ok=%v", tt.tab, err, tt.ok)
			}
			var tn *activity.TabNameError
			if err != nil && !errors.As(err, &tn) {
				t.Errorf("error %v is not a *TabNameError", err)
			}
		})
	}
}
