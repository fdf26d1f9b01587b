package activity

import (
	"math"
	"time"
)

// The years a date may fall in; anything else is a typing mistake.
const (
	minYear = 1900
	maxYear = 2199
)

// serialNotBefore is the smallest number read as a serial date (1906-01-08).
// Smaller numbers are what members type when they mean a day (14), a month
// (11) or a year (2021, and 2021.11 which a spreadsheet stores as a
// number), never a date in 1900–1906.
const serialNotBefore = 2200

// serialMax is the serial date of 2199-12-31. Serial dates count days
// from 1899-12-30, as Google Sheets and Excel (from 1900-03-01 on) do.
const serialMax = 109574

// ParseDate reads a 日付 cell: the day an activity took place, or the whole
// month for ongoing work. It accepts a spreadsheet date (a serial number,
// the time of day ignored), 20211114 typed as a number, and text in the
// forms members write: 2021/11/14, 2021-11-14, 2021.11.14, 2021年11月14日,
// 20211114, with full-width digits, spaces anywhere, a weekday (（日）,
// 日曜日, (Sun)) and a time (10:00, 10時〜12時) after it; in an era (和暦):
// 令和3年11月14日, 令和元年5月1日, R3.11.14, R3/11/14, r3.11.14, H31.4.30,
// S64.1.7, ㋿3.11.14; with both calendars (令和3年(2021年)11月14日), which
// must agree; and a whole month (Day 0): 2021年11月, 2021/11, 2021-11,
// 令和3年11月, R3.11.
//
// An empty cell gives the zero Date and no error: a missing date is the
// caller's finding. A cell that cannot be read gives a *CellError, with
// Code CodeEraMismatch for an era year that does not exist (平成32年,
// 令和0年, 平成2022年, 令和元年4月1日) or that contradicts the Western year
// written beside it, and CodeUnparsable otherwise (no year, an invalid
// day, a weekday that is not the date's, a year outside 1900–2199, two
// dates in one cell, free text).
func ParseDate(c Cell) (Date, error) {
	switch c.Kind {
	case CellEmpty:
		return Date{}, nil
	case CellNumber:
		d, err := dateFromNumber(c)
		if err != nil {
			return Date{}, err
		}
		return d, nil
	case CellText:
	default:
		return Date{}, kindError(c, "日付", "a date")
	}
	s := Fold(c.Text)
	if s == "" {
		return Date{}, invisibleOnly(c, "日付", "date")
	}
	var toks [maxDateToks]dateTok
	n, ok := tokenizeDate(s, &toks)
	if !ok {
		return Date{}, dateUnreadable(c.Text)
	}
	p, fail := scanDate(s, toks[:n])
	d, err := checkDate(c.Text, p, fail)
	if err != nil {
		return Date{}, err
	}
	return d, nil
}

// checkDate turns what the grammar found into a Date, or says what is wrong
// with it. Era errors come first: they say the most about the mistake.
func checkDate(in string, p dateParts, fail dateFail) (Date, *CellError) {
	year := p.year
	if p.era >= 0 {
		y, err := checkEraYear(in, &eras[p.era], p.eraYear)
		if err != nil {
			return Date{}, err
		}
		year = y
	}
	if p.altEra >= 0 || p.altYear != 0 {
		alt := p.altYear
		if p.altEra >= 0 {
			y, err := checkEraYear(in, &eras[p.altEra], p.altEraYear)
			if err != nil {
				return Date{}, err
			}
			alt = y
		}
		if alt != year {
			return Date{}, eraDisagree(in, p, year, alt)
		}
	}
	if fail != failNone {
		return Date{}, dateFailError(in, fail)
	}
	if year < minYear || year > maxYear {
		q := quote(in)
		return Date{}, unparsable(
			"「"+q+"」の年（"+itoa(year)+"）が1900年から2199年の範囲にありません",
			"\""+q+"\": the year "+itoa(year)+" is outside 1900–2199")
	}
	if p.month < 1 || p.month > 12 {
		q := quote(in)
		return Date{}, unparsable(
			"「"+q+"」の月（"+itoa(p.month)+"）は1から12までです",
			"\""+q+"\": the month "+itoa(p.month)+" must be 1 to 12")
	}
	d := Date{Year: year, Month: time.Month(p.month), Day: p.day}
	if p.hasDay {
		if last := daysIn(year, d.Month); p.day < 1 || p.day > last {
			q := quote(in)
			return Date{}, unparsable(
				"「"+q+"」："+itoa(year)+"年"+itoa(p.month)+"月は"+itoa(last)+"日までです",
				"\""+q+"\": "+d.Month.String()+" "+itoa(year)+" has "+itoa(last)+" days")
		}
	}
	for _, e := range [2]int{p.era, p.altEra} {
		if e >= 0 {
			if err := checkEraDate(in, &eras[e], d); err != nil {
				return Date{}, err
			}
		}
	}
	if p.weekday >= 0 && p.weekday < 7 {
		if wd := d.Time(time.UTC).Weekday(); int(wd) != p.weekday {
			q := quote(in)
			return Date{}, unparsable(
				"「"+q+"」："+seirekiJa(d)+"は"+weekdaysJa[wd]+"曜日で、書かれている曜日（"+weekdaysJa[p.weekday]+"）と合いません。日付か曜日を直してください",
				"\""+q+"\": "+isoEn(d)+" is a "+wd.String()+", not a "+time.Weekday(p.weekday).String()+"; correct the date or the weekday")
		}
	}
	return d, nil
}

// dateFailError is the reason for text the grammar could not read.
func dateFailError(in string, fail dateFail) *CellError {
	q := quote(in)
	switch fail {
	case failNoYear:
		return unparsable(
			"「"+q+"」は年がありません。2021/11/14 のように年から書いてください",
			"\""+q+"\" has no year; write it with the year, like 2021/11/14")
	case failTwoDigitYear:
		return unparsable(
			"「"+q+"」は年が2桁です。2021/11/14 のように西暦を4桁で書くか、R3.11.14 のように元号を付けてください",
			"\""+q+"\" has a two-digit year; write all four digits, like 2021/11/14, or the era, like R3.11.14")
	case failNoMonth:
		return unparsable(
			"「"+q+"」は年だけで月がありません。2021/11/14 のように日付を、月単位なら 2021/11 のように書いてください",
			"\""+q+"\" has a year but no month; write a date like 2021/11/14, or 2021/11 for a whole month")
	case failOneDate:
		return unparsable(
			"「"+q+"」に日付が2つ以上あります。1行には1日だけを書き、何日かにわたる活動は日ごとに行を分けるか、2021/11 のように月で書いてください",
			"\""+q+"\" holds more than one date; write one day per row, or the month (2021/11) for work spread over several days")
	}
	return dateUnreadable(in)
}

// weekdaysJa are the weekdays as written in brackets after a date, Sunday first.
var weekdaysJa = [7]string{"日", "月", "火", "水", "木", "金", "土"}

// eraDisagree says that the era year and the Western year written side by
// side are different years.
func eraDisagree(in string, p dateParts, year, alt int) *CellError {
	q := quote(in)
	// Name the era year as written, and the Western year it contradicts.
	e, n, west := p.era, p.eraYear, alt
	if e < 0 {
		e, n, west = p.altEra, p.altEraYear, year
	}
	if e < 0 { // two Western years
		return unparsable(
			"「"+q+"」に年が2つ（"+itoa(year)+"年と"+itoa(alt)+"年）あります。1つにしてください",
			"\""+q+"\" holds two years ("+itoa(year)+" and "+itoa(alt)+"); write one")
	}
	era := &eras[e]
	eraYear := era.base + n - 1
	return eraMismatch(
		"「"+q+"」："+eraYearJa(era, n)+"は"+itoa(eraYear)+"年で、書かれている"+itoa(west)+"年と合いません。どちらかを直してください",
		"\""+q+"\": "+era.en+" "+itoa(n)+" is "+itoa(eraYear)+", not "+itoa(west)+" as also written; correct one of them")
}

// dateUnreadable is the reason for text that is not a date at all.
func dateUnreadable(in string) *CellError {
	q := quote(in)
	return unparsable(
		"「"+q+"」を日付として読めません。2021/11/14、2021年11月14日、令和3年11月14日、R3.11.14 のように、月単位なら 2021/11 のように書いてください",
		"cannot read \""+q+"\" as a date; write it like 2021/11/14, 2021年11月14日, 令和3年11月14日 or R3.11.14, or 2021/11 for a whole month")
}

// dateFromNumber reads a number cell: a serial date, or 20211114 typed as
// a number.
func dateFromNumber(c Cell) (Date, *CellError) {
	f := c.Num
	switch {
	case math.IsNaN(f) || math.IsInf(f, 0):
	case f >= 19000101 && f <= 21991231 && f == math.Trunc(f):
		p := dateParts{era: -1, altEra: -1, weekday: -1, year: int(f) / 10000, month: int(f) / 100 % 100, day: int(f) % 100, hasDay: true}
		return checkDate(c.String(), p, failNone)
	case f >= serialNotBefore && f < serialMax+1:
		return civilDate(int(f) - unixSerial), nil
	case f >= minYear && f <= maxYear+1:
		q := quote(c.String())
		return Date{}, unparsable(
			"「"+q+"」は数値で、年（または年.月）だけに見えます。2021/11/14 のように日付を、月単位なら 2021/11 のように書いてください",
			"\""+q+"\" is a number that looks like a year (or year.month), not a date; write a date like 2021/11/14, or 2021/11 for a whole month")
	case f > -1 && f < serialNotBefore:
		q := quote(c.String())
		return Date{}, unparsable(
			"「"+q+"」は数値で、日付として読めません。2021/11/14 のように年月日で書いてください",
			"\""+q+"\" is a number, not a date; write the whole date, like 2021/11/14")
	}
	q := quote(c.String())
	return Date{}, unparsable(
		"「"+q+"」は日付（1900年〜2199年）のシリアル値として範囲外です。2021/11/14 のように書いてください",
		"\""+q+"\" is outside the spreadsheet dates of 1900–2199; write the date like 2021/11/14")
}

// unixSerial is the serial date of 1970-01-01.
const unixSerial = 25569

// civilDate is the day that many days after 1970-01-01 (Howard Hinnant's
// days-to-civil algorithm; faster than going through time.Time for every
// row of a log).
func civilDate(days int) Date {
	z := days + 719468
	era := z / 146097 // z is positive for every year from 1900
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	y := yoe + era*400
	if m <= 2 {
		y++
	}
	return Date{Year: y, Month: time.Month(m), Day: d}
}

// daysIn is the number of days in a month.
func daysIn(year int, m time.Month) int {
	switch m {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}
