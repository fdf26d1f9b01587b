package activity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Fold is text as katsudo compares it: what a member typed with full-width
// letters, digits and punctuation made half-width (２０２１ → 2021, （ → (),
// half-width katakana made full-width (ｶﾞｲﾄﾞ → ガイド), every kind of white
// space (the ideographic space, tabs, new lines) made one ASCII space, runs
// of spaces collapsed and the ends trimmed. Zero-width spaces and byte-order
// marks, invisible leftovers of copy and paste, are dropped, and invalid
// UTF-8 becomes U+FFFD. Headers, names, codes and every parsed cell go
// through Fold, so that `１－１` and `1-1` are the same program. Fold is
// idempotent and returns s itself, without allocating, when nothing changes.
func Fold(s string) string {
	if folded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending: written only before the next rune
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		r = foldRune(r)
		switch {
		case r < 0:
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		// Half-width katakana carry their sound marks as separate runes
		// (ｶﾞ); join them to the kana before them (ガ).
		for j := i; j < len(s) && s[j] >= 0xe2; { // marks and dropped runes start with E2, E3 or EF
			next, m := utf8.DecodeRuneInString(s[j:])
			j += m
			if next = foldRune(next); next < 0 {
				continue // dropped runes do not separate a kana from its mark
			}
			if c := composeKana(r, next); c != 0 {
				r, i = c, j
			}
			break
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// folded reports whether Fold would return s unchanged.
func folded(s string) bool {
	prevSpace := true // no space at the start
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' {
				if prevSpace {
					return false
				}
				prevSpace = true
				continue
			}
			if c >= '\t' && c <= '\r' {
				return false
			}
			prevSpace = false
			continue
		}
		// Kanji (U+4000–U+9FFF, lead bytes E4–E9) never change: skip
		// them without decoding, once their bytes are valid UTF-8.
		if c >= 0xe4 && c <= 0xe9 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			i += 3
			prevSpace = false
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == utf8.RuneError || r == '\u3099' || r == '\u309a' || foldRune(r) != r || unicode.IsSpace(r) {
			return false
		}
		prevSpace = false
	}
	return !prevSpace || s == ""
}

// foldRune is the canonical width of r, or -1 for a rune Fold drops.
// Only the ideographic space and the Halfwidth and Fullwidth Forms block
// change width, so the common kana and kanji skip the table lookup.
func foldRune(r rune) rune {
	switch {
	case r < '\u3000':
		if r == '\u200b' { // zero-width space
			return -1
		}
		return r
	case r == '\u3000':
		return ' '
	case r == '\ufeff': // byte-order mark
		return -1
	case r < '\uff01' || r > '\uffee':
		return r
	}
	if f := width.LookupRune(r).Folded(); f != 0 {
		return f
	}
	return r
}

// Kana that take the voiced mark (゛) by adding one to the code point, and
// those that take the semi-voiced mark (゜) by adding two.
const (
	voicedKana     = "かきくけこさしすせそたちつてとはひふへほゝカキクケコサシスセソタチツテトハヒフヘホヽ"
	semiVoicedKana = "はひふへほハヒフヘホ"
)

// composeKana joins a kana and a combining sound mark (U+3099, U+309A) into
// one rune, or returns 0 when they do not combine.
func composeKana(r, mark rune) rune {
	switch mark {
	case '\u3099':
		switch r {
		case 'う':
			return 'ゔ'
		case 'ウ':
			return 'ヴ'
		case 'ワ', 'ヰ', 'ヱ', 'ヲ':
			return r - 'ワ' + 'ヷ'
		}
		if strings.ContainsRune(voicedKana, r) {
			return r + 1
		}
	case '\u309a':
		if strings.ContainsRune(semiVoicedKana, r) {
			return r + 2
		}
	}
	return 0
}
