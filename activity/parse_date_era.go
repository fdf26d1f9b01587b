package activity

import "time"

// era is one Japanese era (元号): 令和, written also R or ㋿. Its year 1
// (元年) is the Western year base; it ran from start to end (zero while it
// lasts).
type era struct {
	name   string // 令和
	en     string // Reiwa
	letter byte   // R
	symbol rune   // ㋿
	base   int    // the Western year of 元年
	start  Date
	end    Date
}

// eras are the eras a date from 1900 on can be written in, oldest first.
var eras = [...]era{
	{"明治", "Meiji", 'M', '㍾', 1868, Date{1868, time.January, 1}, Date{1912, time.July, 29}},
	{"大正", "Taisho", 'T', '㍽', 1912, Date{1912, time.July, 30}, Date{1926, time.December, 24}},
	{"昭和", "Showa", 'S', '㍼', 1926, Date{1926, time.December, 25}, Date{1989, time.January, 7}},
	{"平成", "Heisei", 'H', '㍻', 1989, Date{1989, time.January, 8}, Date{2019, time.April, 30}},
	{"令和", "Reiwa", 'R', '㋿', 2019, Date{2019, time.May, 1}, Date{}},
}

// lastYear is the era's last year as counted in the era (平成 → 31), or 0
// for the current era.
func (e *era) lastYear() int {
	if e.end.IsZero() {
		return 0
	}
	return e.end.Year - e.base + 1
}

// contains reports whether the day (or, for a month, any day of it) falls
// in the era.
func (e *era) contains(d Date) bool {
	first, last := d, d
	if d.IsMonth() {
		first.Day, last.Day = 1, daysIn(d.Year, d.Month)
	}
	if last.Before(e.start) {
		return false
	}
	return e.end.IsZero() || !e.end.Before(first)
}

// eraOf is the era a day (or the first day of a month) is written in.
func eraOf(d Date) *era {
	if d.IsMonth() {
		d.Day = 1
	}
	for i := len(eras) - 1; i >= 0; i-- {
		if !d.Before(eras[i].start) {
			return &eras[i]
		}
	}
	return nil
}

// eraYearJa is an era year the Japanese way: 令和元年, 令和3年.
func eraYearJa(e *era, n int) string {
	if n == 1 {
		return e.name + "元年"
	}
	return e.name + itoa(n) + "年"
}

// warekiJa writes a date in its era: 令和3年11月14日, 令和元年5月; a date
// before 明治 is written in the Western calendar.
func warekiJa(d Date) string {
	e := eraOf(d)
	if e == nil {
		return seirekiJa(d)
	}
	s := eraYearJa(e, d.Year-e.base+1)
	if d.Month != 0 {
		s += itoa(int(d.Month)) + "月"
		if d.Day != 0 {
			s += itoa(d.Day) + "日"
		}
	}
	return s
}

// warekiEn writes the era and year of a date in English: Reiwa 3.
func warekiEn(d Date) string {
	e := eraOf(d)
	if e == nil {
		return itoa(d.Year)
	}
	return e.en + " " + itoa(d.Year-e.base+1)
}

// seirekiJa writes a date in the Western calendar: 2021年11月14日.
func seirekiJa(d Date) string {
	s := itoa(d.Year) + "年"
	if d.Month != 0 {
		s += itoa(int(d.Month)) + "月"
		if d.Day != 0 {
			s += itoa(d.Day) + "日"
		}
	}
	return s
}

// isoEn writes a date for English readers: 2021-11-14, or 2021-11 for a month.
func isoEn(d Date) string {
	s := itoa(d.Year)
	if d.Month != 0 {
		s += "-" + pad2(int(d.Month))
		if d.Day != 0 {
			s += "-" + pad2(d.Day)
		}
	}
	return s
}

// pad2 writes a month or day with two digits.
func pad2(n int) string {
	if n < 10 {
		return "0" + itoa(n)
	}
	return itoa(n)
}

// rangeJa says when an era ran, for reasons: 平成は1989年1月8日から….
func (e *era) rangeJa() string {
	if e.end.IsZero() {
		return e.name + "は" + seirekiJa(e.start) + "（" + warekiJa(e.start) + "）からです"
	}
	return e.name + "は" + seirekiJa(e.start) + "から" + seirekiJa(e.end) + "（" + warekiJa(e.end) + "）までです"
}

// rangeEn says when an era ran, in English.
func (e *era) rangeEn() string {
	if e.end.IsZero() {
		return e.en + " began on " + isoEn(e.start)
	}
	return e.en + " ran from " + isoEn(e.start) + " to " + isoEn(e.end) + " (" + warekiEn(e.end) + ")"
}

// eraMismatch builds the era-mismatch error.
func eraMismatch(ja, en string) *CellError {
	return &CellError{Code: CodeEraMismatch, Reason: Text{Ja: ja, En: en}}
}

// checkEraYear converts an era year to its Western year, or says why that
// era year does not exist: 令和0年, 平成32年, 平成2022年.
func checkEraYear(in string, e *era, n int) (int, *CellError) {
	if n > 0 && n < 1000 && (e.lastYear() == 0 || n <= e.lastYear()) {
		return e.base + n - 1, nil
	}
	q := quote(in)
	written := e.name + itoa(n) + "年"
	switch {
	case n == 0:
		return 0, eraMismatch(
			"「"+q+"」："+written+"はありません。"+e.name+"は元年（1年）から数えます。"+e.rangeJa(),
			"\""+q+"\": there is no "+e.en+" 0; an era counts from year 1 (gannen). "+e.rangeEn())
	case n >= 1000:
		ja := "「" + q + "」：" + e.name + "のあとに西暦の年（" + itoa(n) + "）が書かれています。"
		en := "\"" + q + "\": " + e.en + " is followed by a Western year (" + itoa(n) + "); "
		if n >= minYear && n <= maxYear {
			d := Date{Year: n}
			ja += itoa(n) + "年 か " + warekiJa(d) + " のどちらかで書いてください"
			en += "write either " + itoa(n) + "年 or the era year (" + warekiEn(d) + ")"
		} else {
			ja += "西暦か元号の年のどちらかで書いてください"
			en += "write either the Western year or the era year"
		}
		return 0, eraMismatch(ja, en)
	}
	// Past the era's last year: 平成32年.
	y := e.base + n - 1
	ja := "「" + q + "」：" + written + "はありません。" + e.rangeJa()
	en := "\"" + q + "\": there is no " + e.en + " " + itoa(n) + "; " + e.rangeEn()
	if y <= maxYear {
		ja += "。" + itoa(y) + "年なら " + warekiJa(Date{Year: y}) + " と書いてください"
		en += ". For " + itoa(y) + " write " + warekiJa(Date{Year: y}) + " (" + warekiEn(Date{Year: y}) + ")"
	}
	return 0, eraMismatch(ja, en)
}

// checkEraDate says why a date written in an era lies outside that era:
// 平成31年5月1日, 令和元年4月1日.
func checkEraDate(in string, e *era, d Date) *CellError {
	if e.contains(d) {
		return nil
	}
	q := quote(in)
	written := eraYearJa(e, d.Year-e.base+1) + itoa(int(d.Month)) + "月"
	writtenEn := e.en + " " + itoa(d.Year-e.base+1) + "-" + pad2(int(d.Month))
	if d.Day != 0 {
		written += itoa(d.Day) + "日"
		writtenEn += "-" + pad2(d.Day)
	}
	return eraMismatch(
		"「"+q+"」："+written+"はありません。"+e.rangeJa()+"。"+seirekiJa(d)+"は "+warekiJa(d)+" です",
		"\""+q+"\": "+writtenEn+" does not exist; "+e.rangeEn()+". "+isoEn(d)+" is "+warekiJa(d)+" ("+warekiEn(d)+")")
}
