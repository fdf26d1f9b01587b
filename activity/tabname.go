package activity

import (
	"strconv"
	"strings"
	"unicode/utf16"
)

// maxTabNameLen is Excel's limit on a tab name, in UTF-16 code units (a
// Japanese character counts as one).
const maxTabNameLen = 31

// CheckTabName reports whether Excel accepts name as a tab name, so that a
// misconfigured output tab is refused before the workbook is touched.
// The rules are Excel's: not blank, at most 31 characters, none of
// : \ / ? * [ ], no apostrophe at either end, not the reserved "History".
func CheckTabName(name string) error {
	bad := func(reason string) error { return &TabNameError{Tab: name, Reason: reason} }
	switch {
	case strings.TrimSpace(name) == "":
		return bad("a tab name cannot be blank")
	case utf16Len(name) > maxTabNameLen:
		return bad("Excel allows at most " + strconv.Itoa(maxTabNameLen) + " characters, this has " + strconv.Itoa(utf16Len(name)))
	case strings.ContainsAny(name, `:\/?*[]`):
		return bad(`Excel does not allow the characters : \ / ? * [ ]`)
	case strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'"):
		return bad("Excel does not allow an apostrophe (') at the start or end")
	case strings.EqualFold(name, "History"):
		return bad(`Excel reserves the name "History"`)
	case strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '\uFFFD' }):
		return bad("control characters and invalid UTF-8 are not allowed")
	}
	return nil
}

// utf16Len is the length Excel measures strings in.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// TabNameError means katsudo was asked to write a tab it must not or
// cannot: one whose name Excel would refuse (longer than 31 characters,
// a slash), one written twice, or one members write.
type TabNameError struct {
	Tab    string
	Reason string
}

func (e *TabNameError) Error() string {
	return "invalid tab name " + strconv.Quote(e.Tab) + ": " + e.Reason
}

// CheckSheets refuses, before anything is touched, tab names Excel would
// not accept and the same tab written twice (Excel and Google Sheets
// ignore case), so that a tab written to Google Sheets can still be
// downloaded as an .xlsx.
func CheckSheets(sheets []Sheet) error {
	for i, s := range sheets {
		if err := CheckTabName(s.Name); err != nil {
			return err
		}
		for _, prev := range sheets[:i] {
			if strings.EqualFold(prev.Name, s.Name) {
				return &TabNameError{Tab: s.Name, Reason: "the same tab is written twice (Excel ignores case)"}
			}
		}
	}
	return nil
}
