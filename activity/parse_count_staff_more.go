package activity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// How members write "and N more" in 従事者, after the named people:
// 伊藤ほかボランティア3名, 伊藤 他3名, 伊藤外3名, 伊藤その他学生3人,
// 伊藤、他に協力会員3名, 伊藤+3名, 伊藤と学生3名. The people counted after
// the marker are more than the named ones, whatever noun names them.
var moreMarkers = []string{"その他", "他に", "ほかに", "ほか", "他", "外", "+", "及び", "および", "と", "&"}

// How members write "N in all, counting the named": 伊藤ら3名, 伊藤以下3名,
// 伊藤など3名, 伊藤等3名 (three people, 伊藤 one of them).
var totalMarkers = []string{"以下", "など", "等", "ら"}

// staffMarker is a marker found in the text before a count.
type staffMarker struct {
	at, end int  // byte offsets of the marker
	total   bool // the count includes the named people
}

// findStaffMarker finds where the names end and the count's marker begins
// in before, the text before a count. A marker after a name is preferred to
// one at the start (外山ほか3名 is 外山 and 3 more, not 外 and 山ほか3名). A
// marker in hiragana directly after hiragana is part of a word (こども,
// さくら), not a marker, unless the word is the courtesy さん.
func findStaffMarker(before string) (staffMarker, bool) {
	var first staffMarker
	found := false
	for i := 0; i < len(before); {
		for _, set := range [2][]string{moreMarkers, totalMarkers} {
			for _, w := range set {
				if !strings.HasPrefix(before[i:], w) || !markerAfter(before[:i], w) {
					continue
				}
				m := staffMarker{at: i, end: i + len(w), total: len(set) == len(totalMarkers)}
				if i > 0 {
					return m, true
				}
				if !found {
					first, found = m, true
				}
			}
		}
		_, size := utf8.DecodeRuneInString(before[i:])
		i += size
	}
	return first, found
}

// markerAfter reports whether w, after prefix, reads as a marker rather
// than as part of a word.
func markerAfter(prefix, w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.Is(unicode.Hiragana, r) || prefix == "" || strings.HasSuffix(prefix, "さん") {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(prefix)
	return !unicode.Is(unicode.Hiragana, last)
}

// vagueCounts are how members write a number of people that is not a
// number: the report cannot count 数名.
var vagueCounts = []string{"数名", "数人", "数十", "若干", "複数", "多数", "大勢", "何名", "何人", "何人か", "少数"}

// vagueCount reports whether a part without digits gives a count that is
// not a number.
func vagueCount(m string) bool {
	for _, w := range vagueCounts {
		if strings.Contains(m, w) {
			return true
		}
	}
	return false
}

// othersWithoutCount reports whether a part without digits names people
// and mentions others, or begins with others: 伊藤他ボランティア,
// 伊藤ほか学生, 伊藤ら, 他ボランティア (after 伊藤、).
func othersWithoutCount(m string) bool {
	if _, ok := hasSuffixOf(m, "その他", "ほか", "他", "など", "等"); ok {
		return true
	}
	if p, ok := hasSuffixOf(m, "ら"); ok && p != "" && markerAfter(p, "ら") {
		return true
	}
	if _, ok := hasPrefixAt(m, 0, "その他", "他に", "ほかに", "ほか", "他"); ok {
		return true // 伊藤、他ボランティア: others, how many?
	}
	mk, ok := findStaffMarker(m)
	if !ok || mk.at == 0 || mk.total {
		return false
	}
	switch w := m[mk.at:mk.end]; w {
	case "その他", "他に", "ほかに", "ほか", "他", "外":
		return true
	}
	return false
}

// kanjiDigits replaces a count written in kanji numerals before 名 or 人
// (三名, ボランティア十二人, ほか五名) with digits, where what precedes the
// numeral cannot be part of a name with it: the start, a space, 約, a
// marker, or kana (山田一人 stays a name). Up to 99.
func kanjiDigits(m string) string {
	t, ok := hasSuffixOf(m, "名", "人")
	if !ok {
		return m
	}
	unit := m[len(t):]
	k := len(t)
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(t[:k])
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		k -= size
	}
	if k == len(t) {
		return m
	}
	n, ok := kanjiNumber(t[k:])
	if !ok {
		return m
	}
	if k > 0 {
		prev, _ := utf8.DecodeLastRuneInString(t[:k])
		_, marker := hasSuffixOf(t[:k], append(append([]string{"約", "計"}, moreMarkers...), totalMarkers...)...)
		if !marker && prev != ' ' && !unicode.In(prev, unicode.Hiragana, unicode.Katakana) {
			return m
		}
	}
	return t[:k] + itoa(n) + unit
}

// kanjiNumber reads 一 to 九十九 written with 十.
func kanjiNumber(s string) (int, bool) {
	const digits = "〇一二三四五六七八九"
	val := func(r rune) int { return strings.IndexRune(digits, r) / len("一") }
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10, true
	case len(rs) == 1:
		return val(rs[0]), true
	case len(rs) == 2 && rs[0] == '十' && rs[1] != '十':
		return 10 + val(rs[1]), true
	case len(rs) == 2 && rs[1] == '十' && rs[0] != '十':
		return val(rs[0]) * 10, true
	case len(rs) == 3 && rs[1] == '十' && rs[0] != '十' && rs[2] != '十':
		return val(rs[0])*10 + val(rs[2]), true
	}
	return 0, false
}

// roleNouns are words members write for unnamed helpers, in brackets
// after a count (伊藤ほか3名（ボランティア）): they say what the counted
// people were, not who.
var roleNouns = []string{"ボランティア", "学生", "会員", "職員", "スタッフ", "有志", "講師", "市民", "保護者", "家族", "関係者", "社員", "外部"}

// roleNoun reports whether a bracketed word after a count describes the
// counted people rather than naming one of them.
func roleNoun(s string) bool {
	for _, w := range roleNouns {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
