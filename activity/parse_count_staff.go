package activity

import (
	"strings"
	"unicode"
)

// ParseStaff reads a 従事者 cell: who worked on an activity. It accepts
// member names separated as in SplitList (山田、鈴木・佐藤; spaces inside a
// name, 山田 太郎, are kept), a number of people (4, ４人, 4名, or a number
// cell), and both: `山田、鈴木 他2名`, `山田、鈴木、ほか2名`, `山田+2名`.
// Names are folded, kept in order, without repeats, and without the
// honorifics さん, 氏 and 様.
//
// What a member means by counts beside names and in brackets:
//   - 他2名, ほか2名, その他協力会員 1名, +2: that many more people, so
//     `2人(その他協力会員 1名)` is 3 people (Extra 3);
//   - a count with a label of its own (協力会員2名) at the top level adds
//     people too: `山田、協力会員2名` is 3;
//   - names in brackets after a count say who they were:
//     `3人（山田、鈴木）` is Names 山田, 鈴木 and Extra 1;
//   - a count in brackets that is not "more" (うち協力会員1名, 協力会員1名)
//     describes the people already counted and adds nothing, and brackets
//     after a name are a role (山田（講師）);
//   - 計3名 or 合計3名 is the total: `山田、鈴木（計3名）` is Extra 1;
//   - unnamed helpers after a name are that many more, whatever the marker
//     (ほか, 他, 他に, 外, その他, +, と) and whatever noun names them:
//     `伊藤ほかボランティア3名`, `伊藤 外3名`, `伊藤と学生三名` are 伊藤 and
//     Extra 3; ら, 以下, など give the total: `伊藤ら3名` is Extra 2;
//   - a count in kanji numerals before 名 or 人 (三名, 十二人) is read
//     where it cannot be part of a name.
//
// Digits after a word without 名 or 人 are part of a name (会員12), and
// ・ separates names, so a katakana name written ジョン・スミス reads as two
// people: members write it ジョン スミス. なし, a lone dash and an empty
// cell give Staff{} and no error. A name followed by 他 or など without a
// number (how many others?), a count that is not a number (数名, 若干名,
// 大勢), unbalanced brackets, a part with digits that
// is not a count (3人2), or one without any letter (???) gives a
// *CellError quoting it.
func ParseStaff(c Cell) (Staff, error) {
	switch c.Kind {
	case CellEmpty:
		return Staff{}, nil
	case CellNumber:
		n, err := wholeCount(c, "従事者", "staff")
		if err != nil {
			return Staff{}, err
		}
		return Staff{Extra: n}, nil
	case CellText:
	default:
		return Staff{}, kindError(c, "従事者", "staff")
	}
	all := Fold(c.Text)
	if all == "" {
		return Staff{}, invisibleOnly(c, "従事者", "staff")
	}
	if isNothing(all) {
		return Staff{}, nil
	}
	if depth, ok := bracketDepth(all); !ok || depth > maxBracketDepth {
		q := quote(c.Text)
		if ok {
			return Staff{}, unparsable(
				"従事者の「"+q+"」は括弧が深く入れ子になっていて読めません。山田、鈴木 他2名 のように書いてください",
				"the staff \""+q+"\" nests brackets too deeply to read; write it like 山田、鈴木 他2名")
		}
		return Staff{}, unparsable(
			"従事者の「"+q+"」は括弧の対応がとれていません。括弧を閉じてください",
			"the staff \""+q+"\" has a bracket that is not closed (or not opened); fix the brackets")
	}
	st := staffScan{cell: c.Text}
	for item := range listItems(c.Text, true) {
		if err := st.item(Fold(item)); err != nil {
			return Staff{}, err
		}
	}
	if st.total > len(st.names)+st.extra {
		st.extra = st.total - len(st.names)
	}
	if st.extra > maxCount {
		return Staff{}, staffUnreadable(c.Text)
	}
	return Staff{Names: st.names, Extra: st.extra}, nil
}

// staffScan accumulates the parts of a 従事者 cell.
type staffScan struct {
	cell  string // as the member typed it
	names []string
	extra int
	total int // the largest 計 written, 0 if none
}

// A staffPart is one part of a 従事者 cell, classified.
type staffPart uint8

const (
	partName   staffPart = iota // 山田
	partMore                    // 他2名, その他協力会員1名, 鈴木 他2名 (with a name)
	partCount                   // 4人, 協力会員2名
	partOfWhom                  // うち協力会員1名
	partTotal                   // 計3名
	partOthers                  // 他, 鈴木など: how many?
)

// item reads one folded part of the cell: one name or count, with any
// brackets after it.
func (st *staffScan) item(m string) *CellError {
	main, notes := splitBrackets(m)
	if main == "" {
		for _, note := range notes {
			for sub := range listItems(note, true) {
				if err := st.item(Fold(sub)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	kind, n, name, err := classifyStaff(main)
	if err != nil {
		return err
	}
	if kind == partOthers {
		return st.othersError()
	}
	if name != "" {
		st.addName(name)
	}
	named := 0
	for _, note := range notes {
		for sub := range listItems(note, true) {
			sub, _ = splitBrackets(Fold(sub)) // 山田（講師） inside brackets: the name
			subKind, k, subName, err := classifyStaff(sub)
			switch {
			case err != nil:
				if kind == partName {
					continue // a role after a name: 山田（講師・会計）
				}
				return err
			case subKind == partOthers && kind != partName:
				return st.othersError()
			case subKind == partMore:
				st.extra += k
			case subKind == partTotal:
				st.total = max(st.total, k)
			case subKind == partName && kind != partName && !roleNoun(subName):
				st.addName(subName) // who the counted people were
				named++
			}
		}
	}
	switch kind {
	case partMore, partCount:
		st.extra += max(n-named, 0)
	case partTotal:
		st.total = max(st.total, n)
	}
	return nil
}

// addName records a name once.
func (st *staffScan) addName(name string) {
	for _, n := range st.names {
		if n == name {
			return
		}
	}
	st.names = append(st.names, name)
}

// classifyStaff reads one part without brackets: a name, or a count with
// what is written before it.
func classifyStaff(m string) (staffPart, int, string, *CellError) {
	m = strings.TrimFunc(m, func(r rune) bool { return r == ' ' || isListSep(r) })
	if strings.IndexAny(m, "0123456789") < 0 {
		m = kanjiDigits(m)
	}
	if strings.IndexAny(m, "0123456789") < 0 {
		if vagueCount(m) {
			return 0, 0, "", staffVague(m)
		}
		if othersWithoutCount(m) {
			return partOthers, 0, "", nil
		}
		if strings.IndexFunc(m, unicode.IsLetter) < 0 {
			return 0, 0, "", staffUnreadable(m)
		}
		return partName, 0, stripHonorific(m), nil
	}
	t, _ := hasSuffixOf(m, "程度", "くらい", "位", "ほど")
	t = strings.TrimRight(t, " ")
	t, counted := hasSuffixOf(t, "名様", "名", "人")
	t = strings.TrimRight(t, " ")
	k := len(t)
	for k > 0 && isDigit(t[k-1]) {
		k--
	}
	if k == len(t) || len(t)-k > 8 {
		return 0, 0, "", staffUnreadable(m)
	}
	n := 0
	for _, d := range t[k:] {
		n = n*10 + int(d-'0')
	}
	before, _ := hasSuffixOf(strings.TrimRight(t[:k], " "), "約")
	before = strings.TrimSpace(before)
	if strings.IndexAny(before, "0123456789") >= 0 {
		return 0, 0, "", staffUnreadable(m)
	}
	switch {
	case before == "":
		return partCount, n, "", nil
	case strings.HasPrefix(before, "うち") || strings.HasPrefix(before, "内"):
		return partOfWhom, n, "", nil
	}
	// A name may precede the marker: 鈴木 他2名, 佐藤 計3名.
	nameBefore := func(s string) string {
		s = strings.TrimFunc(s, func(r rune) bool { return r == ' ' || isListSep(r) })
		if s != "" {
			s = stripHonorific(s)
		}
		return s
	}
	if name, ok := hasSuffixOf(before, "合計", "総計", "計"); ok {
		// 伊藤ほか計4名: the total, after the name.
		if mk, ok := findStaffMarker(name); ok && mk.at > 0 {
			name = name[:mk.at]
		}
		return partTotal, n, nameBefore(name), nil
	}
	// 伊藤ほかボランティア3名, 伊藤 外3名, 伊藤ら3名: the names end at
	// the marker, and whatever follows it (ボランティア) names the counted.
	if mk, ok := findStaffMarker(before); ok && (mk.at > 0 || counted || before[mk.at:mk.end] == "+") {
		name := nameBefore(before[:mk.at])
		if mk.total {
			return partTotal, n, name, nil
		}
		return partMore, n, name, nil
	}
	if !counted {
		// Digits after a word without 名 or 人 are part of a name: 会員12.
		return partName, 0, stripHonorific(m), nil
	}
	return partCount, n, "", nil // a label: 協力会員2名
}

// stripHonorific drops さん, 氏 or 様 after a name, so that 山田さん and 山田
// are one person.
func stripHonorific(name string) string {
	if n, ok := hasSuffixOf(name, "さん", "氏", "様"); ok {
		if n = strings.TrimRight(n, " "); n != "" {
			return n
		}
	}
	return name
}

// othersError says that the cell mentions others without saying how many.
func (st *staffScan) othersError() *CellError {
	q := quote(st.cell)
	return unparsable(
		"従事者の「"+q+"」は、ほかに何名いたかが分かりません。山田、鈴木 他2名 のように人数を書いてください",
		"the staff \""+q+"\" does not say how many others there were; write the number, like 山田、鈴木 他2名")
}

// staffVague says that the cell gives a number of people that is not a
// number (数名, 若干名, 大勢): the report must not guess it.
func staffVague(part string) *CellError {
	q := quote(part)
	return unparsable(
		"従事者の「"+q+"」は人数が分かりません。山田、鈴木 他2名 のように数字で書いてください",
		"the staff \""+q+"\" does not give a number of people; write the number, like 山田、鈴木 他2名")
}

// staffUnreadable is the reason a part of a 従事者 cell cannot be read.
func staffUnreadable(part string) *CellError {
	q := quote(part)
	return unparsable(
		"従事者の「"+q+"」を読めません。山田、鈴木 のように名前を「、」で区切るか、4、4人、山田、鈴木 他2名 のように人数を書いてください",
		"cannot read the staff \""+q+"\"; separate names with 、 (山田、鈴木) or give the number of people (4, 4人, 山田、鈴木 他2名)")
}
