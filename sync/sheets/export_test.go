package sheets

import (
	"encoding/json"
	"io"

	"github.com/katsudo-npo/katsudo/activity"
)

// DecodeValueRanges is the streamed decode of a values:batchGet answer.
func DecodeValueRanges(r io.Reader) ([]activity.Grid, error) {
	return decodeValueRanges(json.NewDecoder(r))
}

// CellOf is how one decoded value becomes a cell.
var CellOf = cellOf
