package activity

import (
	"strings"
	"unicode/utf8"
)

// The tokens of a date cell: numbers, era names, 年 月 日, separators,
// brackets and every other rune, spaces dropped.

// dateTokKind is what a token of a date cell is.
type dateTokKind uint8

const (
	dtNum   dateTokKind = iota + 1 // digits; also 元 (year 1)
	dtEra                          // 令和, R, ㋿; val is the index in eras
	dtYear                         // 年
	dtMonth                        // 月
	dtDay                          // 日
	dtSep                          // / - . (r says which)
	dtOpen                         // ( [ 【 「
	dtClose                        // ) ] 】 」
	dtColon                        // :
	dtTilde                        // 〜 ~
	dtComma                        // 、 , ・
	dtWord                         // ASCII letters s[val:n]
	dtRune                         // any other rune r
)

// dateTok is one token of a date cell.
type dateTok struct {
	kind dateTokKind
	r    rune
	val  int // the number (saturating), the era index, or the word's start
	n    int // the number's digits, or the word's end
}

// maxDateToks bounds the tokens of a date cell; a longer cell is not a date.
const maxDateToks = 40

// tokenizeDate splits folded text into toks, reporting false when the text
// has more tokens than a date can.
func tokenizeDate(s string, toks *[maxDateToks]dateTok) (int, bool) {
	n := 0
	emit := func(t dateTok) bool {
		if n == len(toks) {
			return false
		}
		toks[n] = t
		n++
		return true
	}
	for i := 0; i < len(s); {
		c := s[i]
		var t dateTok
		switch {
		case c == ' ':
			i++
			continue
		case isDigit(c):
			j, v := i, 0
			for ; j < len(s) && isDigit(s[j]); j++ {
				if v < 1e9 {
					v = v*10 + int(s[j]-'0')
				}
			}
			t = dateTok{kind: dtNum, val: v, n: j - i}
			i = j
		case c == '/' || c == '.' || c == '-':
			t = dateTok{kind: dtSep, r: rune(c)}
			i++
		case c == '(' || c == '[':
			t = dateTok{kind: dtOpen}
			i++
		case c == ')' || c == ']':
			t = dateTok{kind: dtClose}
			i++
		case c == ':':
			t = dateTok{kind: dtColon}
			i++
		case c == ',':
			t = dateTok{kind: dtComma}
			i++
		case c == '~':
			t = dateTok{kind: dtTilde}
			i++
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			j := i
			for j < len(s) && (s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z') {
				j++
			}
			t = dateTok{kind: dtWord, val: i, n: j}
			// A lone era letter starting the date (R3.11.14) or an
			// alternative year in brackets ((R3)).
			if j == i+1 && (n == 0 || toks[n-1].kind == dtOpen) {
				if k := skipSpaces(s, j); k < len(s) && (isDigit(s[k]) || strings.HasPrefix(s[k:], "元")) {
					for e := range eras {
						if eras[e].letter == c&^0x20 {
							t = dateTok{kind: dtEra, val: e}
						}
					}
				}
			}
			i = j
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			t = dateTok{kind: dtRune, r: r}
			switch r {
			case '年':
				t.kind = dtYear
			case '月':
				t.kind = dtMonth
			case '日':
				t.kind = dtDay
			case '元':
				t = dateTok{kind: dtNum, val: 1, n: 1}
			case '【', '「':
				t.kind = dtOpen
			case '】', '」':
				t.kind = dtClose
			case '〜', '∼':
				t.kind = dtTilde
			case '、', '・':
				t.kind = dtComma
			default:
				if isDash(r) {
					t = dateTok{kind: dtSep, r: '-'}
				}
				for e := range eras {
					if r == eras[e].symbol {
						t = dateTok{kind: dtEra, val: e}
					} else if strings.HasPrefix(s[i:], eras[e].name) {
						t = dateTok{kind: dtEra, val: e}
						size = len(eras[e].name)
					}
				}
			}
			i += size
		}
		if !emit(t) {
			return n, false
		}
	}
	return n, true
}
