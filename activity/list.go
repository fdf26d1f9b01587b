package activity

import (
	"iter"
	"unicode/utf8"
)

// SplitList splits a list cell — places, names, 受益先 — into its items:
// on 、 , ， ・ ／ / ; ； and new lines (half-width ､ and ･ too), each item
// folded (see Fold), empty items dropped. A member's
// `横須賀市、横浜市・東京都` is three places. Spaces do not split: they
// belong to names such as 山田 太郎.
func SplitList(s string) []string {
	var out []string
	for item := range listItems(s, false) {
		if f := Fold(item); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// listItems yields the raw items of a list, split on the separators of
// SplitList. With brackets, a separator inside brackets (（山田、鈴木）)
// does not split.
func listItems(s string, brackets bool) iter.Seq[string] {
	return func(yield func(string) bool) {
		start, depth := 0, 0
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			r = foldRune(r)
			switch {
			case brackets && isOpenBracket(r):
				depth++
			case brackets && isCloseBracket(r) && depth > 0:
				depth--
			case depth == 0 && isListSep(r):
				if !yield(s[start:i]) {
					return
				}
				start = i + n
			}
			i += n
		}
		yield(s[start:])
	}
}

// isListSep reports whether a folded rune separates the items of a list.
func isListSep(r rune) bool {
	switch r {
	case '、', ',', '・', '/', ';', '\n', '\r', '\u2028':
		return true
	}
	return false
}

func isOpenBracket(r rune) bool  { return r == '(' || r == '[' || r == '【' || r == '〔' }
func isCloseBracket(r rune) bool { return r == ')' || r == ']' || r == '】' || r == '〕' }
