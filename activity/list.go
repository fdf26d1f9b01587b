package activity

import (
	"iter"
	"strings"
	"unicode/utf8"
)

// SplitList splits a list cell — places, names, 受益先 — into its items:
// on 、 , ， ・ ／ / ; ； and new lines (half-width ､ and ･ too), each item
// folded (see Fold), empty items dropped. A member's
// `横須賀市、横浜市・東京都` is three places. Spaces do not split: they
// belong to names such as 山田 太郎; nor do separators inside brackets:
// `さくら川（桜橋・中洲公園）` is one place.
func SplitList(s string) []string {
	var out []string
	for item := range listItems(s, true) {
		if f := Fold(item); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// SplitPlaces splits a 場所 cell as SplitList does, keeping each place as
// the member wrote it (spaces trimmed), for the report that is filed:
// （桜橋） stays full-width. Places are compared folded (see Compile).
func SplitPlaces(s string) []string {
	var out []string
	for item := range listItems(s, true) {
		if t := strings.TrimSpace(item); Fold(t) != "" {
			out = append(out, t)
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
			r, n := rune(s[i]), 1
			switch c := s[i]; {
			case c == 0xe2 || c == 0xe3 || c == 0xef:
				// The lead bytes of every separator and bracket beyond
				// ASCII (、・，／；【〔 and their half-width forms).
				r, n = utf8.DecodeRuneInString(s[i:])
				r = foldRune(r)
			case c >= utf8.RuneSelf:
				i++ // other runes, kanji among them, never separate
				continue
			}
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

// isOpenBracket and isCloseBracket report whether a folded rune opens or
// closes brackets: ( [ 【 〔 and their partners.
func isOpenBracket(r rune) bool  { return r == '(' || r == '[' || r == '【' || r == '〔' }
func isCloseBracket(r rune) bool { return r == ')' || r == ']' || r == '】' || r == '〕' }

// splitBrackets separates a part into the text outside brackets and the
// texts inside them: `2人(その他協力会員 1名)` → `2人`, [`その他協力会員 1名`].
func splitBrackets(m string) (string, []string) {
	open := strings.IndexFunc(m, isOpenBracket)
	if open < 0 {
		return m, nil
	}
	var main strings.Builder
	var notes []string
	depth, start := 0, 0
	for i, r := range m {
		switch {
		case isOpenBracket(r):
			if depth == 0 {
				main.WriteString(m[start:i])
				start = i + len(string(r))
			}
			depth++
		case isCloseBracket(r) && depth > 0:
			depth--
			if depth == 0 {
				notes = append(notes, m[start:i])
				start = i + len(string(r))
			}
		}
	}
	if depth > 0 {
		notes = append(notes, m[start:])
	} else {
		main.WriteString(m[start:])
	}
	return Fold(main.String()), notes // Fold: the joins may leave two spaces
}

// maxBracketDepth bounds the nesting of brackets in a 従事者 cell: members
// write one level, sometimes two (3人（山田（講師）、鈴木）).
const maxBracketDepth = 3

// bracketDepth is how deeply brackets nest in folded text; ok reports
// whether every bracket is closed, and closed after it was opened.
func bracketDepth(s string) (deepest int, ok bool) {
	depth := 0
	for _, r := range s {
		switch {
		case isOpenBracket(r):
			depth++
			deepest = max(deepest, depth)
		case isCloseBracket(r):
			if depth--; depth < 0 {
				return deepest, false
			}
		}
	}
	return deepest, depth == 0
}
