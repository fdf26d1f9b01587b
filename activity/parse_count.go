package activity

import (
	"math"
	"strings"
	"unicode/utf8"
)

// maxCount bounds a count of people or organisations; a larger number is a
// typing mistake (or an amount in the wrong column).
const maxCount = 100_000_000

// counters are the units members count beneficiaries in, longest first so
// that 団体 is not read as 体; each maps to its normalised Unit.
var counters = [...]struct{ word, unit string }{
	{"世帯", "世帯"}, {"団体", "団体"}, {"施設", "施設"},
	{"名", "名"}, {"人", "名"}, {"社", "社"}, {"校", "校"}, {"件", "件"}, {"組", "組"},
}

// approxBefore mark an approximate count before its number (約120名,
// 〜120名); approxAfter after it (120名程度, 100名余り, 120名以上).
var (
	approxBefore = [...]string{"約", "およそ", "概ね", "〜", "~", "∼"}
	approxAfter  = [...]string{"程度", "余り", "以上", "超", "前後", "くらい", "ぐらい", "位", "ほど", "強", "近く", "余"}
)

// ParseBeneficiaries reads a 受益対象 cell: who an activity served and how
// many. It accepts a list (separated by 、 , ， ・ ; or new lines, or just
// spaces between counted groups) of groups, each an optional label, an
// optional 約, a number (full-width digits and thousands commas welcome),
// a counter (名 人 社 団体 施設 校 件 組 世帯; 人 is normalised to 名) and
// an optional 程度, 余り, 以上 or 超: `中小企業 1社`, `約120名`,
// `1団体、中小企業6社、個人18名`, `横浜市3施設`, `一般市民約 20 名`,
// `小・中学生 40名` (a ・ inside a label does not split). A number cell or
// a bare number is a count without a unit.
//
// Decisions: a range (20〜30名) is read as approximately the larger
// number, as the report should not understate and marks it 約; 以上, 超
// and 余り also mark the count approximate; a note in brackets after a
// count (約120名（親子）, 18名（うち子供10名）) is commentary and ignored; a
// group labelled 計 or 合計 beside other groups is their total and
// dropped, and so is a group starting with うち (of whom); なし and a lone
// dash mean no beneficiaries. An empty cell gives nil and no error. A group
// without a number (`中小企業`) or with an unknown counter (`5台`) gives a
// *CellError quoting it.
func ParseBeneficiaries(c Cell) ([]Beneficiary, error) {
	switch c.Kind {
	case CellEmpty:
		return nil, nil
	case CellNumber:
		n, err := wholeCount(c, "受益対象", "beneficiaries")
		if err != nil {
			return nil, err
		}
		return []Beneficiary{{Count: n}}, nil
	case CellText:
	default:
		return nil, kindError(c, "受益対象", "beneficiaries")
	}
	s := Fold(c.Text)
	if s == "" {
		return nil, invisibleOnly(c, "受益対象", "beneficiaries")
	}
	if isNothing(s) {
		return nil, nil
	}
	out, err := scanBeneficiaries(s)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// scanBeneficiaries reads folded text left to right, from number to
// number: a number that is a count (followed by a counter, or standing
// alone) closes a group whose label is the text before it; other numbers
// belong to the next label (3年生).
func scanBeneficiaries(s string) ([]Beneficiary, *CellError) {
	var out []Beneficiary
	labelStart := 0
	for i := 0; i < len(s); {
		for i < len(s) && !isDigit(s[i]) {
			i++
		}
		if i == len(s) {
			break
		}
		// 約, 〜 just before the number (spaces between allowed).
		start, approx := i, false
		before := strings.TrimRight(s[labelStart:i], " ")
		for _, w := range approxBefore {
			if strings.HasSuffix(before, w) {
				start, approx = labelStart+len(before)-len(w), true
				break
			}
		}
		b, end, ok := scanGroupCount(s, i)
		if !ok {
			for i < len(s) && isDigit(s[i]) {
				i++
			}
			continue
		}
		b.Approx = b.Approx || approx
		b.Label = trimLabel(s[labelStart:start])
		out = append(out, b)
		i = skipNote(s, end)
		labelStart = i
	}
	if rest := trimLabel(s[labelStart:]); rest != "" {
		q := quote(rest)
		if strings.IndexAny(rest, "0123456789") >= 0 {
			return nil, unparsable(
				"受益対象の「"+q+"」の単位が分かりません。数のあとに 名（人）、社、団体、施設、校、件、組、世帯 のどれかを書いてください",
				"the beneficiaries \""+q+"\" have a unit katsudo does not know; after the number write 名 (people), 社, 団体, 施設, 校, 件, 組 or 世帯")
		}
		return nil, unparsable(
			"受益対象の「"+q+"」に数がありません。中小企業 1社、約120名 のように数と単位を書いてください",
			"the beneficiaries \""+q+"\" have no number; write how many, like 中小企業 1社 or 約120名")
	}
	if len(out) > 1 {
		kept := out[:0]
		for _, b := range out {
			if b.Label == "計" || b.Label == "合計" || b.Label == "総計" || strings.HasPrefix(b.Label, "うち") {
				continue
			}
			kept = append(kept, b)
		}
		out = kept
	}
	for _, b := range out {
		if b.Count > maxCount {
			q := quote(s)
			return nil, unparsable(
				"受益対象の「"+q+"」の数が大きすぎます。桁を確かめてください",
				"the beneficiaries \""+q+"\" count is too large; check the digits")
		}
	}
	return out, nil
}

// scanGroupCount reads a count at s[i:]: number [〜 number] [余] [counter]
// [程度], and where it ends. A number without a counter is a count only
// when it stands alone (before a space, a separator, a bracket or the
// end); otherwise it belongs to a label (3年生).
func scanGroupCount(s string, i int) (Beneficiary, int, bool) {
	var b Beneficiary
	n, j, ok := scanCount(s, i)
	if !ok {
		return b, i, false
	}
	// A range: 20〜30名, 20-30名; the larger number, approximately.
	if k := skipSpaces(s, j); k < len(s) {
		if r, size := utf8.DecodeRuneInString(s[k:]); isTilde(r) || isDash(r) {
			if m, end, ok := scanCount(s, skipSpaces(s, k+size)); ok {
				n, j, b.Approx = max(n, m), end, true
			}
		}
	}
	b.Count = n
	k := skipSpaces(s, j)
	if strings.HasPrefix(s[k:], "余") && !strings.HasPrefix(s[k:], "余り") {
		b.Approx, k = true, skipSpaces(s, k+len("余")) // 100余名
	}
	for _, c := range counters {
		if strings.HasPrefix(s[k:], c.word) {
			b.Unit, j = c.unit, k+len(c.word)
			break
		}
	}
	for {
		k := skipSpaces(s, j)
		found := false
		for _, w := range approxAfter {
			if strings.HasPrefix(s[k:], w) {
				b.Approx, j, found = true, k+len(w), true
				break
			}
		}
		if !found {
			break
		}
	}
	if b.Unit == "" && !b.Approx && j < len(s) {
		r, _ := utf8.DecodeRuneInString(s[j:])
		if r != ' ' && !isListSep(r) && !isOpenBracket(r) {
			return b, i, false
		}
	}
	return b, j, true
}

// scanCount reads a whole number at s[i:], with thousands commas (1,200:
// a comma followed by exactly three digits), saturating above maxCount.
func scanCount(s string, i int) (int, int, bool) {
	if i >= len(s) || !isDigit(s[i]) {
		return 0, i, false
	}
	n := 0
	for i < len(s) {
		switch {
		case isDigit(s[i]):
			if n <= maxCount {
				n = n*10 + int(s[i]-'0')
			}
			i++
			continue
		case s[i] == ',' && i+3 < len(s) && isDigit(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3]) && (i+4 == len(s) || !isDigit(s[i+4])):
			i++
			continue
		}
		break
	}
	return n, i, true
}

// skipNote skips a note in brackets after a count: 約120名（親子）.
func skipNote(s string, i int) int {
	k := skipSpaces(s, i)
	if k < len(s) && (s[k] == '(' || s[k] == '[') {
		if end := strings.IndexAny(s[k:], ")]"); end >= 0 {
			return k + end + 1
		}
		return len(s)
	}
	return i
}

// trimLabel cleans the text before a count into a label: without the
// separators and spaces around it (、中小企業 → 中小企業) or a colon after it.
func trimLabel(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return r == ' ' || isListSep(r) || r == ':' || r == '：'
	})
}

// wholeCount reads a number cell as a count: whole, not negative, not huge.
func wholeCount(c Cell, ja, en string) (int, *CellError) {
	f := c.Num
	if math.IsNaN(f) || f < 0 || f > maxCount || f != math.Trunc(f) {
		q := quote(c.String())
		return 0, unparsable(
			ja+"の「"+q+"」は数として読めません。0以上の整数で書いてください",
			"the "+en+" \""+q+"\" is not a count; write a whole number, 0 or more")
	}
	return int(f), nil
}
