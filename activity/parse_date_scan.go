package activity

import "strings"

// The date scanner reads folded text in two steps: tokens (numbers, era
// names, 年 月 日, separators, brackets, other runes), then a small grammar
// over them. It does not use regular expressions: dates are on the hot path
// of every row, and the grammar is easier to follow as code.

// dateFail says why text did not scan as a date, choosing the reason.
type dateFail uint8

const (
	failNone         dateFail = iota
	failGeneric               // not a date at all
	failNoYear                // 11月14日
	failTwoDigitYear          // 21/11/14
	failNoMonth               // 2021年, 令和3年
	failOneDate               // 2021/11/14〜15, 2021/11/14、28
	failWeekday               // a weekday with a month, or an unknown one
)

// dateParts is what the grammar found, before any checking.
type dateParts struct {
	era, eraYear       int // era index or -1, and the year in it
	year               int // the Western year written, 0 if none
	altEra, altEraYear int // an alternative year in brackets: 令和3年(2021年)
	altYear            int
	month, day         int
	hasDay             bool // a day was written, even 0
	weekday            int  // 0 = Sunday, -1 when none was written
}

// scanDate runs the grammar over toks.
func scanDate(s string, toks []dateTok) (dateParts, dateFail) {
	p := dateParts{era: -1, altEra: -1, weekday: -1}
	i := 0
	at := func(k dateTokKind) bool { return i < len(toks) && toks[i].kind == k }
	if len(toks) == 0 {
		return p, failGeneric
	}

	// The year: 2021, 令和3, R3, 令和元; or 20211114 all at once.
	switch t := toks[0]; {
	case t.kind == dtEra:
		p.era = t.val
		i++
		if !at(dtNum) {
			return p, failGeneric
		}
		p.eraYear = toks[i].val
		i++
	case t.kind == dtNum && t.n == 8 && (len(toks) == 1 || toks[1].kind != dtSep && toks[1].kind != dtYear):
		p.year, p.month, p.day, p.hasDay = t.val/10000, t.val/100%100, t.val%100, true
		return p, scanDateRest(s, toks[1:], &p)
	case t.kind == dtNum && t.n <= 2:
		// No year, or a year cut to two digits.
		switch {
		case len(toks) > 1 && toks[1].kind == dtMonth:
			return p, failNoYear
		case len(toks) > 1 && toks[1].kind == dtYear:
			return p, failTwoDigitYear
		case len(toks) > 4 && toks[1].kind == dtSep && toks[2].kind == dtNum && toks[3].kind == dtSep && toks[4].kind == dtNum:
			return p, failTwoDigitYear
		case len(toks) > 2 && toks[1].kind == dtSep && toks[2].kind == dtNum:
			return p, failNoYear
		}
		return p, failGeneric
	case t.kind == dtNum:
		p.year = t.val
		i++
	default:
		return p, failGeneric
	}
	nen := at(dtYear)
	if nen {
		i++
	}
	if at(dtOpen) {
		// Both calendars: 令和3年(2021年), 2021年(令和3年), 令和3(2021)年.
		i++
		if at(dtEra) {
			p.altEra = toks[i].val
			i++
			if !at(dtNum) {
				return p, failGeneric
			}
			p.altEraYear = toks[i].val
		} else if at(dtNum) {
			p.altYear = toks[i].val
		} else {
			return p, failGeneric
		}
		i++
		if at(dtYear) {
			i++
		}
		if !at(dtClose) {
			return p, failGeneric
		}
		i++
	}
	if !nen && at(dtYear) {
		nen = true
		i++
	}
	if i == len(toks) {
		return p, failNoMonth
	}
	if !nen {
		if !at(dtSep) {
			return p, failGeneric
		}
		i++
	}

	// The month, then the day or nothing (a whole month).
	if !at(dtNum) || toks[i].n > 2 {
		return p, failGeneric
	}
	p.month = toks[i].val
	i++
	switch {
	case at(dtMonth):
		i++
		if i == len(toks) {
			return p, failNone
		}
	case at(dtSep):
		i++
	case i == len(toks):
		return p, failNone
	case at(dtTilde) || at(dtComma):
		return p, failOneDate
	default:
		return p, failGeneric
	}
	if !at(dtNum) || toks[i].n > 2 {
		return p, failGeneric
	}
	p.day, p.hasDay = toks[i].val, true
	i++
	// 日 ends the day, unless it starts a weekday: 2021/11/14 日曜日.
	if at(dtDay) && !(i+1 < len(toks) && toks[i+1].kind == dtRune && toks[i+1].r == '曜') {
		i++
	}
	return p, scanDateRest(s, toks[i:], &p)
}

// scanDateRest reads what may follow a day: a weekday ((日), （日曜日）,
// 日曜, (Sun), (月・祝)) and a time (10:00, 10時〜12時, 午後2時半).
func scanDateRest(s string, toks []dateTok, p *dateParts) dateFail {
	i := 0
	at := func(k dateTokKind) bool { return i < len(toks) && toks[i].kind == k }
	if at(dtOpen) {
		j := i + 1
		if wd, k, ok := scanWeekday(s, toks, j); ok {
			p.weekday = wd
			j = k
		} else if j < len(toks) && toks[j].kind == dtEra && j+1 < len(toks) && toks[j+1].kind == dtNum && p.altEra < 0 && p.altYear == 0 {
			// An alternative year after the date: 2021年11月14日(令和3年).
			p.altEra, p.altEraYear = toks[j].val, toks[j+1].val
			j += 2
			if j < len(toks) && toks[j].kind == dtYear {
				j++
			}
		}
		if j < len(toks) && toks[j].kind == dtClose {
			i = j + 1
		}
	} else if wd, k, ok := scanWeekday(s, toks, i); ok && (k-i > 1 || toks[i].kind == dtWord) {
		// A bare weekday needs 曜 (or a word): a lone 日 is a day marker.
		p.weekday = wd
		i = k
	}
	if p.weekday >= 0 && p.day == 0 {
		return failWeekday
	}
	if i == len(toks) {
		return failNone
	}
	// A time, ignored: every token time-like, with a colon or 時 among them.
	timed, bad := false, false
	for _, t := range toks[i:] {
		switch t.kind {
		case dtNum, dtTilde, dtOpen, dtClose:
		case dtColon:
			timed = true
		case dtSep:
			bad = bad || t.r != '-'
		case dtWord:
			switch strings.ToLower(s[t.val:t.n]) {
			case "am", "pm", "t", "z":
			default:
				bad = true
			}
		case dtRune:
			switch t.r {
			case '時':
				timed = true
			case '分', '半', '秒', '午', '前', '後', '頃', 'ご', 'ろ', 'か', 'ら', 'ま', 'で':
			default:
				bad = true
			}
		default:
			bad = true
		}
	}
	if timed && !bad {
		return failNone
	}
	// 2021/11/14〜15, 2021/11/14、28: more than one day.
	if k := toks[i].kind; (k == dtTilde || k == dtComma || k == dtSep) && i+1 < len(toks) && (toks[i+1].kind == dtNum || toks[i+1].kind == dtEra) {
		return failOneDate
	}
	return failGeneric
}

// scanWeekday reads a weekday at toks[i]: 日, 日曜, 日曜日, 日・祝, 祝, Sun,
// Sunday. It returns the weekday (0 = Sunday, 7 for a holiday alone) and
// the index after it.
func scanWeekday(s string, toks []dateTok, i int) (int, int, bool) {
	if i >= len(toks) {
		return 0, i, false
	}
	wd := -1
	switch t := toks[i]; t.kind {
	case dtWord:
		w := strings.ToLower(s[t.val:t.n])
		for d, name := range [...]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
			if len(w) >= 3 && strings.HasPrefix(name, w) {
				return d, i + 1, true
			}
		}
		return 0, i, false
	case dtDay:
		wd = 0
	case dtMonth:
		wd = 1
	case dtRune:
		wd = strings.IndexRune("日月火水木金土", t.r)
		if wd > 0 {
			wd /= len("日")
		}
		if t.r == '祝' {
			return 7, i + 1, true
		}
	}
	if wd < 0 {
		return 0, i, false
	}
	i++
	if i < len(toks) && toks[i].kind == dtRune && toks[i].r == '曜' {
		i++
		if i < len(toks) && toks[i].kind == dtDay {
			i++
		}
	}
	// 月・祝: a weekday that is also a public holiday.
	if i+1 < len(toks) && toks[i].kind == dtComma && toks[i+1].kind == dtRune && toks[i+1].r == '祝' {
		i += 2
	}
	return wd, i, true
}
