package activity

// Sheet is a tab katsudo writes (事業報告書, チェック, 送信履歴): the values and
// just enough layout to read well in Excel, LibreOffice and Google Sheets.
// Adapters write it whole, replacing the tab, and write text as text: a
// value that looks like a formula is never evaluated.
type Sheet struct {
	Name string
	Rows [][]Value
	// Widths are column widths in characters; a missing width is the default.
	Widths []float64
	// FrozenRows is the number of header rows kept in view (bold).
	FrozenRows int
	// Lang is the language of the sheet's own words (the mark of a cut
	// text, say).
	Lang Lang
	// Print is how the tab prints, on A4 (Japanese filings are A4); nil
	// leaves the writer's defaults.
	Print *PrintLayout
}

// PrintLayout is how a tab prints: the 事業報告書 goes to the prefecture
// on paper, so it prints on A4, as wide as the page, with the table's
// header on every page and its totals never alone on the last page.
type PrintLayout struct {
	// Landscape turns the page: the report's seven columns need it.
	Landscape bool
	// HeaderFrom and HeaderTo are the zero-based rows (inclusive) printed
	// at the top of every page; HeaderTo < HeaderFrom prints none.
	HeaderFrom, HeaderTo int
	// KeepLast is how many rows at the end print on one page with the row
	// before them: 合計 never alone on a page.
	KeepLast int
	// KeepWithNext are the zero-based rows that print on the page of the
	// row after them: a category's heading is never the last line of a
	// page.
	KeepWithNext []int
}

// Value is one cell katsudo writes.
type Value struct {
	Text  string
	Num   int64
	IsNum bool
	Style Style
}

// Style is a set of formatting flags.
type Style uint8

const (
	// Bold is for headers, category lines and totals.
	Bold Style = 1 << iota
	// Yen formats a number as #,##0"円".
	Yen
	// Wrap wraps long text inside the column.
	Wrap
	// Sen formats a number as #,##0"千円" (the official template's unit).
	Sen
	// Ruled draws thin lines around the cell, as the official form's
	// table has them.
	Ruled
)

// Str and Int build values.
func Str(s string, st Style) Value { return Value{Text: s, Style: st} }

// Int is a numeric value.
func Int(n int64, st Style) Value { return Value{Num: n, IsNum: true, Style: st} }
