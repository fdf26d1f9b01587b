package sheetstest

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"google.golang.org/api/sheets/v4"
)

// gridRange is a parsed A1 range: rows and columns zero-based, end
// exclusive, -1 for "to the end".
type gridRange struct {
	sh                 *sheet
	r0, r1, c0, c1     int64
	hasRows, hasColumn bool
}

// parseRange reads the A1 notation katsudo sends: 'Tab', Tab!A1:K10,
// 'Tab'!1:10, 'Tab'!A:K. A tab that does not exist fails as Google fails it.
func (b *book) parseRange(a1 string) (gridRange, bool) {
	title, cells := a1, ""
	if strings.HasPrefix(a1, "'") {
		var t strings.Builder
		i := 1
		for ; i < len(a1); i++ {
			if a1[i] == '\'' {
				if i+1 < len(a1) && a1[i+1] == '\'' {
					t.WriteByte('\'')
					i++
					continue
				}
				break
			}
			t.WriteByte(a1[i])
		}
		if i >= len(a1) {
			return gridRange{}, false
		}
		title, cells = t.String(), a1[i+1:]
		if cells != "" && !strings.HasPrefix(cells, "!") {
			return gridRange{}, false
		}
		cells = strings.TrimPrefix(cells, "!")
	} else if t, c, ok := strings.Cut(a1, "!"); ok {
		title, cells = t, c
	}
	_, sh := b.find(title)
	if sh == nil {
		return gridRange{}, false
	}
	g := gridRange{sh: sh, r1: -1, c1: -1}
	if cells == "" {
		return g, true
	}
	from, to, ok := strings.Cut(cells, ":")
	if !ok {
		to = from
	}
	c0, r0, ok1 := cellRef(from)
	c1, r1, ok2 := cellRef(to)
	if !ok1 || !ok2 {
		return gridRange{}, false
	}
	g.c0, g.r0 = max(c0, 0), max(r0, 0)
	g.c1, g.r1 = c1, r1
	if c1 >= 0 {
		g.c1 = c1 + 1
	}
	if r1 >= 0 {
		g.r1 = r1 + 1
	}
	return g, true
}

// cellRef reads B3 as column 1, row 2; a missing part is -1.
func cellRef(s string) (col, row int64, ok bool) {
	s = strings.ReplaceAll(strings.ToUpper(s), "$", "")
	i := 0
	col = 0
	for i < len(s) && s[i] >= 'A' && s[i] <= 'Z' {
		col = col*26 + int64(s[i]-'A'+1)
		i++
	}
	col--
	row = -1
	if i < len(s) {
		n, err := strconv.ParseInt(s[i:], 10, 64)
		if err != nil || n < 1 {
			return 0, 0, false
		}
		row = n - 1
	}
	return col, row, i > 0 || row >= 0
}

// rangeName is how Google names a range in its answers: 'Tab'!A1:K12.
func (g gridRange) rangeName() string {
	r1, c1 := g.r1, g.c1
	if r1 < 0 || r1 > g.sh.rowCount {
		r1 = g.sh.rowCount
	}
	if c1 < 0 || c1 > g.sh.colCount {
		c1 = g.sh.colCount
	}
	end := g.sh.a1(r1-1, c1-1)
	return g.sh.a1(g.r0, g.c0) + ":" + end[strings.LastIndex(end, "!")+1:]
}

// batchGet answers values:batchGet, for the options katsudo uses only.
func (s *Server) batchGet(w http.ResponseWriter, r *http.Request, b *book) {
	q := r.URL.Query()
	if v := q.Get("valueRenderOption"); v != "UNFORMATTED_VALUE" {
		writeError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "sheetstest: valueRenderOption "+strconv.Quote(v)+" is not supported; send UNFORMATTED_VALUE")
		return
	}
	if v := q.Get("dateTimeRenderOption"); v != "SERIAL_NUMBER" {
		writeError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "sheetstest: dateTimeRenderOption "+strconv.Quote(v)+" is not supported; send SERIAL_NUMBER")
		return
	}
	if v := q.Get("majorDimension"); v != "" && v != "ROWS" {
		writeError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "sheetstest: majorDimension "+v+" is not supported")
		return
	}
	type valueRange struct {
		Range          string  `json:"range"`
		MajorDimension string  `json:"majorDimension"`
		Values         [][]any `json:"values,omitempty"`
	}
	out := struct {
		SpreadsheetID string       `json:"spreadsheetId"`
		ValueRanges   []valueRange `json:"valueRanges"`
	}{SpreadsheetID: b.id}
	for _, a1 := range q["ranges"] {
		g, ok := b.parseRange(a1)
		if !ok {
			writeError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Unable to parse range: "+a1)
			return
		}
		out.ValueRanges = append(out.ValueRanges, valueRange{Range: g.rangeName(), MajorDimension: "ROWS", Values: g.crop(g.sh.values(true))})
	}
	writeJSON(w, http.StatusOK, out)
}

// crop keeps the part of a tab's values inside the range.
func (g gridRange) crop(vals [][]any) [][]any {
	var out [][]any
	for r := g.r0; r < int64(len(vals)) && (g.r1 < 0 || r < g.r1); r++ {
		row := vals[r]
		var kept []any
		for c := g.c0; c < int64(len(row)) && (g.c1 < 0 || c < g.c1); c++ {
			kept = append(kept, row[c])
		}
		out = append(out, kept)
	}
	return out
}

// get answers spreadsheets.get: the tabs' properties and protected
// ranges, and with includeGridData the cells of the ranges asked for.
func (s *Server) get(w http.ResponseWriter, r *http.Request, b *book) {
	q := r.URL.Query()
	out := &sheets.Spreadsheet{SpreadsheetId: b.id, Properties: &sheets.SpreadsheetProperties{Title: b.title, Locale: "ja_JP", TimeZone: "Asia/Tokyo"}}
	var ranges []gridRange
	for _, a1 := range q["ranges"] {
		g, ok := b.parseRange(a1)
		if !ok {
			writeError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Unable to parse range: "+a1)
			return
		}
		ranges = append(ranges, g)
	}
	for _, sh := range b.sheets {
		var mine []gridRange
		for _, g := range ranges {
			if g.sh == sh {
				mine = append(mine, g)
			}
		}
		if len(ranges) > 0 && len(mine) == 0 {
			continue
		}
		out.Sheets = append(out.Sheets, sh.describe(mine, q.Get("includeGridData") == "true"))
	}
	writeJSON(w, http.StatusOK, out)
}

func (sh *sheet) describe(ranges []gridRange, withData bool) *sheets.Sheet {
	x := &sheets.Sheet{Properties: &sheets.SheetProperties{
		SheetId: sh.id, Title: sh.title, Index: sh.index, SheetType: "GRID",
		GridProperties: &sheets.GridProperties{RowCount: sh.rowCount, ColumnCount: sh.colCount, FrozenRowCount: sh.frozen},
	}}
	for _, p := range sh.protected {
		x.ProtectedRanges = append(x.ProtectedRanges, p)
	}
	if !withData {
		return x
	}
	for _, g := range ranges {
		d := &sheets.GridData{StartRow: g.r0, StartColumn: g.c0}
		for r := g.r0; r < int64(len(sh.rows)) && (g.r1 < 0 || r < g.r1); r++ {
			rd := &sheets.RowData{}
			for c := g.c0; c < int64(len(sh.rows[r])) && (g.c1 < 0 || c < g.c1); c++ {
				rd.Values = append(rd.Values, sh.rows[r][c].data())
			}
			d.RowData = append(d.RowData, rd)
		}
		x.Data = append(x.Data, d)
	}
	return x
}

// data is a cell as CellData: what was entered, its format and validation.
func (c cell) data() *sheets.CellData {
	d := &sheets.CellData{UserEnteredFormat: c.format, DataValidation: c.validation, Note: c.note}
	v := &sheets.ExtendedValue{}
	switch x := c.value.(type) {
	case string:
		v.StringValue = &x
	case float64:
		v.NumberValue = &x
	case bool:
		v.BoolValue = &x
		v.ForceSendFields = []string{"BoolValue"}
	default:
		v = nil
	}
	if c.formula != "" {
		v = &sheets.ExtendedValue{FormulaValue: &c.formula}
	}
	d.UserEnteredValue = v
	return d
}

// a1 names a cell for error messages: 'Tab'!B3.
func (sh *sheet) a1(row, col int64) string {
	name := ""
	for col++; col > 0; col = (col - 1) / 26 {
		name = string(rune('A'+(col-1)%26)) + name
	}
	return fmt.Sprintf("'%s'!%s%d", sh.title, name, row+1)
}
