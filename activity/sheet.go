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
)

// Str and Int build values.
func Str(s string, st Style) Value { return Value{Text: s, Style: st} }

// Int is a numeric value.
func Int(n int64, st Style) Value { return Value{Num: n, IsNum: true, Style: st} }
