package activity

import (
	"strconv"
	"strings"
)

// CellKind says what a spreadsheet cell held when it was read.
type CellKind uint8

const (
	// CellEmpty is a blank cell.
	CellEmpty CellKind = iota
	// CellText is text as the member typed it.
	CellText
	// CellNumber is a number; in a date column it is a spreadsheet serial
	// date (days since 1899-12-30, as both Google Sheets and Excel count).
	CellNumber
	// CellBool is TRUE or FALSE.
	CellBool
	// CellFormulaError is a formula error such as #REF! or #N/A; Text holds it.
	CellFormulaError
)

// Cell is one value read from a spreadsheet, typed the way the spreadsheet
// stored it rather than the way it displays it.
type Cell struct {
	Text string  // CellText and CellFormulaError
	Num  float64 // CellNumber
	Kind CellKind
	Bool bool // CellBool
}

// TextCell, NumberCell and BoolCell build cells; adapters and tests use them.
func TextCell(s string) Cell {
	if s == "" {
		return Cell{}
	}
	return Cell{Kind: CellText, Text: s}
}

// NumberCell is a numeric cell (also a serial date).
func NumberCell(f float64) Cell { return Cell{Kind: CellNumber, Num: f} }

// BoolCell is a TRUE/FALSE cell.
func BoolCell(b bool) Cell { return Cell{Kind: CellBool, Bool: b} }

// ErrorCell is a formula error cell such as #REF!.
func ErrorCell(s string) Cell { return Cell{Kind: CellFormulaError, Text: s} }

// IsBlank reports whether the cell holds nothing but white space.
func (c Cell) IsBlank() bool {
	switch c.Kind {
	case CellEmpty:
		return true
	case CellText:
		// A zero-width space is not blank: the parsers name it, so that a
		// member can find what is in a cell that looks empty.
		return strings.TrimSpace(c.Text) == ""
	}
	return false
}

// String is the cell as a member would read it: text as typed, numbers
// without exponent, booleans as TRUE/FALSE.
func (c Cell) String() string {
	switch c.Kind {
	case CellText, CellFormulaError:
		return c.Text
	case CellNumber:
		return strconv.FormatFloat(c.Num, 'f', -1, 64)
	case CellBool:
		if c.Bool {
			return "TRUE"
		}
		return "FALSE"
	}
	return ""
}

// Grid is the content of one tab: rows of cells, row 0 being the sheet's
// row 1. Rows may have different lengths; a missing cell is blank.
type Grid [][]Cell

// At returns the cell at the zero-based row and column, blank when outside.
func (g Grid) At(row, col int) Cell {
	if row < 0 || row >= len(g) || col < 0 || col >= len(g[row]) {
		return Cell{}
	}
	return g[row][col]
}

// ColumnName turns a zero-based column index into its letters (0 → A, 26 → AA).
func ColumnName(col int) string {
	var b [8]byte
	i := len(b)
	for col++; col > 0; col = (col - 1) / 26 {
		i--
		b[i] = byte('A' + (col-1)%26)
	}
	return string(b[i:])
}

// CellRef is a reference a member can click to: 活動ログ!J17. Row and column
// are zero-based.
func CellRef(tab string, row, col int) string {
	return tab + "!" + ColumnName(col) + strconv.Itoa(row+1)
}

func itoa(n int) string { return strconv.Itoa(n) }
