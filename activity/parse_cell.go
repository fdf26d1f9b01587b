package activity

import (
	"strconv"
	"strings"
)

// This file holds what the cell parsers share: the reasons for cells of the
// wrong kind, the words members write for "nothing", and small scanners.

// kindError is the reason a cell of the wrong kind (a checkbox, a formula
// error, a number where text is expected) cannot be read as what (ja and
// en name it: 日付/date).
func kindError(c Cell, ja, en string) *CellError {
	q := quote(c.String())
	switch c.Kind {
	case CellFormulaError:
		return unparsable(
			ja+"のセルが数式エラー「"+q+"」になっています。数式を直すか、値を直接書いてください",
			"the "+en+" cell shows the formula error \""+q+"\"; fix the formula or type the value")
	case CellBool:
		return unparsable(
			"「"+q+"」（チェックボックスの値）は"+ja+"として読めません",
			"\""+q+"\" (a checkbox value) cannot be read as "+en)
	}
	return unparsable(
		"「"+q+"」は"+ja+"として読めません",
		"\""+q+"\" cannot be read as "+en)
}

// invisibleOnly is the error for a text cell that Fold makes empty: nil
// when the cell is blank, but a reason when it holds only characters Fold
// drops (a zero-width space, a byte-order mark). Callers skip blank cells
// with Cell.IsBlank, which keeps those characters; without the error they
// would take the parser's zero value for what the member wrote.
func invisibleOnly(c Cell, ja, en string) error {
	if c.IsBlank() {
		return nil
	}
	var codes strings.Builder
	for _, r := range c.Text {
		if r > ' ' && codes.Len() < 60 {
			if codes.Len() > 0 {
				codes.WriteByte(' ')
			}
			codes.WriteString("U+" + strings.ToUpper(strconv.FormatInt(int64(r), 16)))
		}
	}
	q := codes.String()
	return unparsable(
		ja+"のセルには見えない文字「"+q+"」（ゼロ幅スペースなど）しかありません。セルを消して書き直してください",
		"the "+en+" cell holds only invisible characters \""+q+"\" (such as a zero-width space); clear the cell and type the value again")
}

// isNothing reports whether a folded cell says "none" the way members do:
// なし, 無し, ナシ, or a lone dash (-, ー, ―, —, −), which Japanese tables use
// for "nothing" or zero.
func isNothing(s string) bool {
	switch s {
	case "なし", "無し", "ナシ", "無", "-", "ー", "―", "—", "−", "‐", "--", "ーー", "――":
		return true
	}
	return false
}

// isDigit reports whether b is an ASCII digit; parsers run on folded text,
// where full-width digits are already ASCII.
func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// skipSpaces returns the index of the first non-space byte at or after i.
func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// hasPrefixAt reports whether s[i:] starts with one of words, and returns
// the index after it.
func hasPrefixAt(s string, i int, words ...string) (int, bool) {
	for _, w := range words {
		if strings.HasPrefix(s[i:], w) {
			return i + len(w), true
		}
	}
	return i, false
}

// hasSuffixOf reports whether s ends with one of words, and returns s
// without it.
func hasSuffixOf(s string, words ...string) (string, bool) {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return s[:len(s)-len(w)], true
		}
	}
	return s, false
}

// isDash reports whether r is one of the dashes members type for a minus
// sign or a range: the IME's long-vowel mark among them.
func isDash(r rune) bool {
	switch r {
	case '-', 'ー', '―', '—', '–', '−', '‐', '‒', '﹣':
		return true
	}
	return false
}

// isTilde reports whether r is a wave dash or tilde (〜, ~ and the
// full-width ～ folded to ~), which members use for ranges.
func isTilde(r rune) bool { return r == '〜' || r == '~' || r == '∼' }
