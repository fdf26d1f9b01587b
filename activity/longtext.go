package activity

import (
	"unicode/utf16"
	"unicode/utf8"
)

// The longest text a cell holds: Excel counts UTF-16 units, Google Sheets
// characters. A report line longer than its backend's cell is cut, with
// the cut marked; the member's cell behind it is a long-text finding.
const (
	MaxExcelCellText  = 32767
	MaxSheetsCellText = 50000
)

// UTF16Len is the length of s as Excel counts it.
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// RuneLen is the length of s as Google Sheets counts it.
func RuneLen(s string) int { return utf8.RuneCountInString(s) }

// omitted marks where a cell's text was cut.
var omitted = Text{Ja: "…（以下省略）", En: "… (truncated)"}

// CutText returns s when count(s) <= limit, or else the longest prefix of
// s that fits with mark after it, and the mark. count measures text the
// way the backend does.
func CutText(s string, limit int, count func(string) int, mark string) string {
	if len(s) <= limit || count(s) <= limit {
		return s
	}
	room := limit - count(mark)
	n, i := 0, 0
	for j, r := range s {
		w := count(string(r))
		if n+w > room {
			break
		}
		n += w
		i = j + utf8.RuneLen(r)
	}
	return s[:i] + mark
}

// Fit returns the sheet with every text longer than limit (as count
// measures it) cut and marked 「…（以下省略）」, so that a writer never
// fails on a member's long cell: the check has already pointed at the
// cell it came from. The sheet's rows are copied only when one is cut.
func (s Sheet) Fit(limit int, count func(string) int) Sheet {
	mark := omitted.In(s.Lang)
	copied := false
	for r, row := range s.Rows {
		for c, v := range row {
			if v.IsNum || len(v.Text) <= limit || count(v.Text) <= limit {
				continue
			}
			if !copied {
				s.Rows = append([][]Value(nil), s.Rows...)
				copied = true
			}
			if &s.Rows[r][0] == &row[0] {
				s.Rows[r] = append([]Value(nil), row...)
			}
			s.Rows[r][c].Text = CutText(v.Text, limit, count, mark)
		}
	}
	return s
}

// longCells reports every text cell on row r of t longer than a workbook
// cell holds (the smaller of the two limits): the report prints it cut,
// and a workbook copy of the tab loses its end. Load runs it on every row
// of the log and the programs tab, while their cells are at hand.
func longCells(t *Table, r int, member string, fs []Finding) []Finding {
	if r >= len(t.Grid) {
		return fs
	}
	for c, cell := range t.Grid[r] {
		if cell.Kind != CellText || len(cell.Text) <= MaxExcelCellText || UTF16Len(cell.Text) <= MaxExcelCellText {
			continue
		}
		n := groupDigits(int64(RuneLen(cell.Text)))
		fs = append(fs, Finding{Code: CodeLongText, Severity: SeverityWarning, Ref: CellRef(t.Tab, r, c), Member: member, Row: r,
			Message: Text{
				Ja: "このセルは " + n + " 文字あり、1つのセルに入る長さ（Excel は 32,767 文字、Google スプレッドシートは 50,000 文字）を超えることがあります。報告書には入る分だけ載せ「…（以下省略）」と書きます。要点だけに短くしてください",
				En: "this cell holds " + n + " characters, more than a cell may hold (32,767 in Excel, 50,000 in Google Sheets); the report prints what fits and marks the cut \"… (truncated)\"; shorten it to the essentials",
			}})
	}
	return fs
}
