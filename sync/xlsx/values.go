package xlsx

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// days1904 turns a serial date of a workbook using the 1904 date system
// (old Mac Excel) into the 1900 system that Google Sheets and the activity
// package count in: 1904-01-01 is 0 there and 1462 here.
const days1904 = 1462

// serialEpoch is day 0 of the serial dates the activity package expects.
var serialEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// sharedStringsAside reads the shared string table on a goroutine of its
// own; wait returns it once read (and may be called again).
func (p *xlsxPackage) sharedStringsAside() (wait func() ([]string, error)) {
	var (
		sst  []string
		err  error
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		defer func() {
			if v := recover(); v != nil {
				err = fmt.Errorf("shared strings: %v", v)
			}
		}()
		sst, err = p.sharedStrings()
	}()
	return func() ([]string, error) {
		<-done
		return sst, err
	}
}

// sharedStrings reads the shared string table, where Excel keeps the text
// of most cells; a cell of type s holds an index into it.
func (p *xlsxPackage) sharedStrings() ([]string, error) {
	if p.sst == "" || !p.has(p.sst) {
		return nil, nil
	}
	rc, err := p.openPart(p.sst)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	g := &gridReader{s: newTagScanner(rc)}
	var sst []string
	for {
		ok, err := g.next()
		if err != nil {
			return nil, fmt.Errorf("shared strings: %w", err)
		}
		if !ok {
			return sst, nil
		}
		name, end := g.s.name()
		if end {
			continue
		}
		switch string(name) {
		case "sst":
			if v, err := attrValue(g.s.attr("uniqueCount")); err == nil {
				if n, err := strconv.Atoi(v); err == nil && n > 0 {
					sst = make([]string, 0, min(n, 1<<20))
				}
			}
		case "si":
			if g.s.selfClosing() {
				sst = append(sst, "")
				continue
			}
			if raw, ok := g.s.simpleText(); ok {
				if err := checkText(raw); err != nil {
					return nil, fmt.Errorf("shared strings: %w", damaged(err))
				}
				sst = append(sst, unescapeOOXML(string(raw)))
				continue
			}
			s, err := g.richText("si")
			if err != nil {
				return nil, fmt.Errorf("shared strings: %w", err)
			}
			sst = append(sst, s)
		}
	}
}

// dateStyles1904 marks, for a workbook in the 1904 date system, which cell
// styles display dates, so their serials can be moved to the 1900 system.
// Other workbooks need no styles at all: their serials are already right.
func (p *xlsxPackage) dateStyles1904() ([]bool, error) {
	if !p.date1904 || p.styles == "" || !p.has(p.styles) {
		return nil, nil
	}
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmtID int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := p.decodeXML(p.styles, &st); err != nil {
		return nil, err
	}
	custom := make(map[int]string, len(st.NumFmts))
	for _, f := range st.NumFmts {
		custom[f.ID] = f.Code
	}
	dates := make([]bool, len(st.Xfs))
	for i, xf := range st.Xfs {
		code, ok := custom[xf.NumFmtID]
		dates[i] = ok && isDateFormat(code) || !ok && isBuiltinDateFormat(xf.NumFmtID)
	}
	return dates, nil
}

// isBuiltinDateFormat reports whether a built-in number format shows a
// date or time, including the Japanese ones (年月日, 和暦).
func isBuiltinDateFormat(id int) bool {
	return 14 <= id && id <= 22 || 27 <= id && id <= 36 || 45 <= id && id <= 47 || 50 <= id && id <= 58
}

// isDateFormat reports whether a custom number format shows a date or
// time: it has y, m, d, h or s outside quoted text, escapes and [brackets]
// (except the elapsed-time brackets [h], [mm], [ss]).
func isDateFormat(code string) bool {
	code = strings.ReplaceAll(strings.ToLower(code), "general", "")
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				return false
			}
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return false
			}
			if inner := strings.Trim(code[i+1:i+j], "hms"); inner == "" && j > 1 {
				return true
			}
			i += j
		case 'y', 'm', 'd', 'h', 's':
			return true
		}
	}
	return false
}

// isoToSerial turns the ISO 8601 value of a date cell (type d) into a
// serial date. The date and time are taken as written, as Excel shows
// them; a time zone suffix does not move the day.
func isoToSerial(v string) (float64, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02"} {
		if t, err := time.Parse(layout, v); err == nil {
			wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
			secs := wall.Unix() - serialEpoch.Unix()
			return float64(secs)/86400 + float64(wall.Nanosecond())/86400e9, true
		}
	}
	return 0, false
}

// unescapeOOXML decodes the _xHHHH_ escapes Excel uses for characters XML
// cannot carry (_x000D_ is a carriage return; _x005F_ escapes the underscore).
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				b.WriteRune(rune(n))
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// parseRef parses a cell reference such as AB12 (or $AB$12) into a
// zero-based column and row. It takes the reference as stored in the
// sheet, so a million cells are placed without a string each.
func parseRef[T ~string | ~[]byte](ref T) (col, row int, ok bool) {
	i := 0
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	c := 0
	for ; i < len(ref); i++ {
		ch := ref[i] | 0x20 // lower case
		if ch < 'a' || ch > 'z' {
			break
		}
		if c = c*26 + int(ch-'a'+1); c > maxCols {
			return 0, 0, false
		}
	}
	if c == 0 {
		return 0, 0, false
	}
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	r, ok := atoi(ref[i:])
	if !ok || r < 1 || r > maxRows {
		return 0, 0, false
	}
	return c - 1, r - 1, true
}

// atoi is strconv.Atoi for a number as stored in the sheet: plain digits
// are read in place, anything else (a sign, a long number) goes through
// strconv so that both agree on every input, the value strconv returns
// with its error included.
func atoi[T ~string | ~[]byte](s T) (int, bool) {
	if len(s) == 0 || len(s) > 9 {
		n, err := strconv.Atoi(string(s))
		return n, err == nil
	}
	n := 0
	for i := 0; i < len(s); i++ {
		d := s[i] - '0'
		if d > 9 {
			n, err := strconv.Atoi(string(s))
			return n, err == nil
		}
		n = n*10 + int(d)
	}
	return n, true
}

// parseRange parses a range such as A1:C3 into zero-based corners.
func parseRange(ref string) ([4]int, bool) {
	from, to, found := strings.Cut(ref, ":")
	if !found {
		to = from
	}
	c0, r0, ok0 := parseRef(from)
	c1, r1, ok1 := parseRef(to)
	if !ok0 || !ok1 {
		return [4]int{}, false
	}
	return [4]int{min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)}, true
}
