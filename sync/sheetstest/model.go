package sheetstest

import (
	"strings"

	"google.golang.org/api/sheets/v4"
)

// Error is a formula error a cell shows, such as #REF! or #N/A. Read with
// UNFORMATTED_VALUE it comes back as that string.
type Error string

// Tab is a tab to seed a spreadsheet with. Rows hold strings, numbers
// (float64 or int), bools, Error values and nils for blank cells.
type Tab struct {
	Title string
	ID    int64 // the sheetId; 0 lets the server choose one
	Rows  [][]any
}

// TabInfo is what the server holds about a tab besides its cells.
type TabInfo struct {
	ID, Index                       int64
	Title                           string
	RowCount, ColumnCount, Frozen   int64
	Widths                          map[int64]int64 // pixel widths by column
	Protected                       []sheets.ProtectedRange
	ValidatedColumns, FormattedRows int // cells with a validation rule or a format
}

// CellInfo is one cell as the server holds it.
type CellInfo struct {
	Value      any    // string, float64, bool, Error or nil
	Formula    string // set only when a client sent a formulaValue
	Format     *sheets.CellFormat
	Validation *sheets.DataValidationRule
}

type cell struct {
	value      any
	formula    string
	format     *sheets.CellFormat
	validation *sheets.DataValidationRule
	note       string
}

func (c cell) empty() bool {
	return c.value == nil && c.format == nil && c.validation == nil && c.note == "" && c.formula == ""
}

type sheet struct {
	id, index                  int64
	title                      string
	rowCount, colCount, frozen int64
	rows                       [][]cell
	widths                     map[int64]int64
	protected                  []*sheets.ProtectedRange
}

type book struct {
	id, title string
	sheets    []*sheet
	editors   map[string]bool
	nextID    int64
}

// AddSpreadsheet creates (or replaces) a spreadsheet holding tabs, shared
// with nobody yet.
func (s *Server) AddSpreadsheet(id string, tabs ...Tab) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := &book{id: id, title: "katsudo test " + id, editors: map[string]bool{}, nextID: 1_000_000}
	for _, t := range tabs {
		sh := &sheet{id: t.ID, title: t.Title, rowCount: 1000, colCount: 26, widths: map[int64]int64{}}
		if sh.id == 0 {
			sh.id = b.newID()
		}
		b.sheets = append(b.sheets, sh)
		fill(sh, t.Rows)
	}
	b.reindex()
	s.books[id] = b
}

// DeleteSpreadsheet removes a spreadsheet, as moving it to the bin does.
func (s *Server) DeleteSpreadsheet(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.books, id)
}

// SetValues replaces a tab's cells, as a member editing it would.
func (s *Server) SetValues(id, title string, rows [][]any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, sh := s.books[id].find(title); sh != nil {
		sh.rows = nil
		fill(sh, rows)
	}
}

func fill(sh *sheet, rows [][]any) {
	for r, row := range rows {
		for c, v := range row {
			switch n := v.(type) {
			case int:
				v = float64(n)
			case int64:
				v = float64(n)
			}
			if v != nil {
				sh.set(int64(r), int64(c), func(x *cell) { x.value = v })
			}
		}
		sh.rowCount = max(sh.rowCount, int64(r+1))
		sh.colCount = max(sh.colCount, int64(len(row)))
	}
}

// Share gives the accounts edit access to the spreadsheet.
func (s *Server) Share(id string, emails ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range emails {
		s.books[id].editors[e] = true
	}
}

// Titles lists the spreadsheet's tabs in order.
func (s *Server) Titles(id string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, sh := range s.books[id].sheets {
		out = append(out, sh.title)
	}
	return out
}

// Values returns a tab's values as batchGet reads them (nil values for
// blank cells, trailing blanks left out); nil when there is no such tab.
func (s *Server) Values(id, title string) [][]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, sh := s.books[id].find(title)
	if sh == nil {
		return nil
	}
	return sh.values(false)
}

// Tab describes a tab; false when there is none of that title.
func (s *Server) Tab(id, title string) (TabInfo, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, sh := s.books[id].find(title)
	if sh == nil {
		return TabInfo{}, false
	}
	info := TabInfo{ID: sh.id, Index: sh.index, Title: sh.title, RowCount: sh.rowCount, ColumnCount: sh.colCount,
		Frozen: sh.frozen, Widths: map[int64]int64{}}
	for k, v := range sh.widths {
		info.Widths[k] = v
	}
	for _, p := range sh.protected {
		info.Protected = append(info.Protected, *p)
	}
	cols := map[int]bool{}
	for _, row := range sh.rows {
		formatted := false
		for c, x := range row {
			if x.validation != nil {
				cols[c] = true
			}
			formatted = formatted || x.format != nil
		}
		if formatted {
			info.FormattedRows++
		}
	}
	info.ValidatedColumns = len(cols)
	return info, true
}

// Cell returns one cell of a tab, zero-based.
func (s *Server) Cell(id, title string, row, col int) CellInfo {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, sh := s.books[id].find(title)
	if sh == nil || row >= len(sh.rows) || col >= len(sh.rows[row]) {
		return CellInfo{}
	}
	c := sh.rows[row][col]
	return CellInfo{Value: c.value, Formula: c.formula, Format: c.format, Validation: c.validation}
}

func (b *book) find(title string) (int, *sheet) {
	if b == nil {
		return -1, nil
	}
	for i, sh := range b.sheets {
		if strings.EqualFold(sh.title, title) {
			return i, sh
		}
	}
	return -1, nil
}

func (b *book) byID(id int64) (int, *sheet) {
	for i, sh := range b.sheets {
		if sh.id == id {
			return i, sh
		}
	}
	return -1, nil
}

// newID is a sheetId no tab has, as Google picks them: large and arbitrary.
func (b *book) newID() int64 {
	for {
		b.nextID += 7919
		if _, sh := b.byID(b.nextID); sh == nil {
			return b.nextID
		}
	}
}

func (b *book) reindex() {
	for i, sh := range b.sheets {
		sh.index = int64(i)
	}
}

// set changes one cell, growing the stored rows as needed.
func (sh *sheet) set(r, c int64, change func(*cell)) {
	for int64(len(sh.rows)) <= r {
		sh.rows = append(sh.rows, nil)
	}
	row := sh.rows[r]
	for int64(len(row)) <= c {
		row = append(row, cell{})
	}
	change(&row[c])
	sh.rows[r] = row
}

// values renders the cells as UNFORMATTED_VALUE does: numbers as numbers,
// errors as their text, blanks in the middle of a row as "" (or nil for
// Values), trailing blanks and rows left out.
func (sh *sheet) values(blankAsEmpty bool) [][]any {
	var out [][]any
	for _, row := range sh.rows {
		var vals []any
		last := -1
		for c, x := range row {
			if x.value != nil {
				last = c
			}
		}
		for _, x := range row[:last+1] {
			v := x.value
			switch e := v.(type) {
			case Error:
				v = string(e)
			case nil:
				if blankAsEmpty {
					v = ""
				}
			}
			vals = append(vals, v)
		}
		out = append(out, vals)
	}
	for len(out) > 0 && len(out[len(out)-1]) == 0 {
		out = out[:len(out)-1]
	}
	return out
}

// clone copies a tab so that a batchUpdate can change it and be dropped.
func (sh *sheet) clone() *sheet {
	c := *sh
	c.rows = make([][]cell, len(sh.rows))
	for i, row := range sh.rows {
		c.rows[i] = append([]cell(nil), row...)
	}
	c.widths = make(map[int64]int64, len(sh.widths))
	for k, v := range sh.widths {
		c.widths[k] = v
	}
	c.protected = append([]*sheets.ProtectedRange(nil), sh.protected...)
	return &c
}
