package activity

import (
	"regexp"
	"strconv"
	"time"
)

// checkRows looks at each log row on its own: dates outside the year
// (a future date, or a stray row in a year that has few), a done row
// dated after today, money spent on cancelled or postponed events and not
// explained, estimated expenses, rows entered twice, personal data in
// text that will be published. other says which rows belong to another
// year's log (otherYears), which are passed over.
func checkRows(d *Dataset, fy FiscalYear, now Date, other func(*Entry) bool, fs []Finding) []Finding {
	t := d.Log
	// Rows entered twice share a compact key; programs and members are
	// numbered so that a million rows fit in a small map.
	type dupKey struct {
		day     int32 // year*512 + month*32 + day
		program int32
		member  int32
		has     bool
		yen     int64
	}
	programNo := make(map[*Program]int32, len(d.Catalog.Programs))
	for i, p := range d.Catalog.Programs {
		programNo[p] = int32(i)
	}
	memberNo := map[string]int32{}
	first := make(map[dupKey]int32, len(d.Entries))
	for i := range d.Entries {
		e := &d.Entries[i]
		if e.Date.IsZero() {
			continue
		}
		if !fy.Contains(e.Date) {
			if other(e) {
				continue
			}
			fs = append(fs, Finding{Code: CodeOutsideFiscalYear, Severity: SeverityWarning, Ref: t.Ref(e.Row, "date"), Member: e.Member, Row: e.Row,
				Message: Text{
					Ja: "日付 " + jaDate(e.Date, true) + " は" + strconv.Itoa(fy.Year) + "年度（" + jaDate(fy.Start(), true) + "〜" + jaDate(fy.End(), true) + "）の外なので報告書に含めません。年の書き間違いではありませんか",
					En: "date " + enDate(e.Date, true) + " is outside fiscal year " + strconv.Itoa(fy.Year) + " (" + enDate(fy.Start(), true) + " – " + enDate(fy.End(), true) + ") and is left out of the report; is the year mistyped?",
				}})
			continue
		}
		fs = cancelledWithExpense(d, e, fs)
		fs = estimatedExpense(d, e, fs)
		fs = futureDate(d, e, now, fs)
		if e.Program != nil && e.Status != StatusNoActivity {
			m, ok := memberNo[e.Member]
			if !ok {
				m = int32(len(memberNo))
				memberNo[e.Member] = m
			}
			k := dupKey{int32(e.Date.Year*512 + int(e.Date.Month)*32 + e.Date.Day), programNo[e.Program], m, e.HasExpense, e.Expense.Yen}
			if p, ok := first[k]; ok {
				prev := int(p)
				fs = append(fs, Finding{Code: CodeDuplicateRow, Severity: SeverityWarning, Ref: t.Ref(e.Row, "date"), Member: e.Member, Row: e.Row,
					Message: Text{
						Ja: strconv.Itoa(prev+1) + "行目と日付・事業・記入者・支出額が同じです。二重に記入していませんか（両方とも集計しています）",
						En: "same date, program, member and expense as row " + strconv.Itoa(prev+1) + "; entered twice? (both are counted)",
					}})
			} else {
				first[k] = int32(e.Row)
			}
		}
		if e.Status != StatusDone {
			continue // only done rows print their places and beneficiaries
		}
		for _, p := range e.Places {
			if mayHoldPersonalData(p) {
				fs = personalData(p, t.Ref(e.Row, "place"), e.Member, e.Row, fs)
			}
		}
		for _, b := range e.Beneficiaries {
			if mayHoldPersonalData(b.Label) {
				fs = personalData(b.Label, t.Ref(e.Row, "beneficiaries"), e.Member, e.Row, fs)
			}
		}
	}
	for _, p := range d.Catalog.Programs {
		fs = personalData(p.Name, d.ProgramTab.Ref(p.Row, "name"), "", -1, fs)
		fs = personalData(p.Description, d.ProgramTab.Ref(p.Row, "description"), "", -1, fs)
	}
	return fs
}

var (
	emailRe = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+`)
	phoneRe = regexp.MustCompile(`(^|[^0-9])(0[0-9]{1,4}[-‐ー(（)）]?[0-9]{1,4}[-‐ー(（)）]?[0-9]{3,4}|\+81[- ]?[0-9]{1,4}[- ]?[0-9]{1,4}[- ]?[0-9]{3,4})($|[^0-9])`)
	bankRe  = regexp.MustCompile(`(口座|普通|当座|預金)[^0-9]{0,8}[0-9]{6,8}`)
)

// personalData reports a phone number, e-mail address or bank account in
// text that the published report prints.
func personalData(s, ref, member string, row int, fs []Finding) []Finding {
	if !mayHoldPersonalData(s) {
		return fs
	}
	s = Fold(s)
	var what Text
	switch {
	case emailRe.MatchString(s):
		what = Text{Ja: "メールアドレス", En: "an e-mail address"}
	case bankRe.MatchString(s):
		what = Text{Ja: "口座番号", En: "a bank account number"}
	case phoneRe.MatchString(s):
		what = Text{Ja: "電話番号", En: "a phone number"}
	default:
		return fs
	}
	return append(fs, Finding{Code: CodePersonalData, Severity: SeverityWarning, Ref: ref, Member: member, Row: row,
		Message: Text{
			Ja: what.Ja + "らしきものがあります。この文は公開される報告書に載るので、消すか備考に移してください",
			En: "this looks like " + what.En + "; the text goes into the published report, so remove it or move it to the note",
		}})
}

// mayHoldPersonalData is a cheap test that skips the regular expressions
// for the usual short text: it needs an @ or six digits.
func mayHoldPersonalData(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r == '@' || r == '＠':
			return true
		case r >= '0' && r <= '9' || r >= '０' && r <= '９':
			digits++
			if digits >= 6 {
				return true
			}
		}
	}
	return false
}

// otherYears says which rows belong to another fiscal year's log: dated
// before now in a year that holds more than a few rows. A row in another
// year is a slip (outside-fiscal-year) when that year holds only a few;
// a whole year of rows is the log of another year, and its rows' findings
// belong to that year's check, not this one's.
func otherYears(d *Dataset, fy FiscalYear, now Date) func(e *Entry) bool {
	perYear := map[int]int{}
	for i := range d.Entries {
		if e := &d.Entries[i]; !e.Date.IsZero() {
			perYear[FiscalYearOf(e.Date.Time(time.UTC), fy.StartMonth).Year]++
		}
	}
	stray := max(3, perYear[fy.Year]/20)
	return func(e *Entry) bool {
		return !e.Date.IsZero() && !fy.Contains(e.Date) && e.Date.Before(now) &&
			perYear[FiscalYearOf(e.Date.Time(time.UTC), fy.StartMonth).Year] > stray
	}
}
