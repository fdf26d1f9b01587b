package sheets_test

import "github.com/katsudo-npo/katsudo/activity"

// row builds a grid row from cells.
func row(cells ...activity.Cell) []activity.Cell { return cells }

var (
	txt   = activity.TextCell
	num   = activity.NumberCell
	boolc = activity.BoolCell
	errc  = activity.ErrorCell
	blank = activity.Cell{}
)

// okSheet is a report tab that every check accepts.
var okSheet = activity.Sheet{Name: "事業報告書", Rows: [][]activity.Value{{activity.Str("ok", 0)}}}
