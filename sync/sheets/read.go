package sheets

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
	"google.golang.org/api/googleapi"
)

// formulaErrors are the errors Google Sheets shows in a cell; read with
// UNFORMATTED_VALUE they come back as these strings.
var formulaErrors = map[string]bool{
	"#NULL!": true, "#DIV/0!": true, "#VALUE!": true, "#REF!": true,
	"#NAME?": true, "#NUM!": true, "#N/A": true, "#ERROR!": true,
}

// Read returns the cells of the named tabs, keyed by the names asked for,
// with one values:batchGet request however many tabs and rows there are.
// Cells come typed as the spreadsheet stores them, not as it displays
// them: a date is its serial number, a formula its value, a formula error
// (#REF!) a CellFormulaError. Row 0 of a grid is the tab's row 1 and
// column 0 its column A. A missing or renamed tab is a *activity.TabNotFoundError
// naming the tabs that are there; only then is the sheet metadata asked for.
func (s *Spreadsheet) Read(ctx context.Context, tabs []string) (map[string]activity.Grid, error) {
	var names, ranges []string
	seen := map[string]bool{}
	for _, t := range tabs {
		if !seen[t] {
			seen[t] = true
			names = append(names, t)
			ranges = append(ranges, quoteTab(t))
		}
	}
	grids := make(map[string]activity.Grid, len(names))
	if len(names) == 0 {
		return grids, nil
	}
	what := "read " + tabWord(names) + " from " + s.URL()
	var got []activity.Grid
	err := s.call(ctx, what, func(ctx context.Context) error {
		var err error
		got, err = s.batchGet(ctx, ranges)
		return err
	})
	if err != nil {
		if unparsableRange(err) {
			return nil, s.missingTab(ctx, names, err)
		}
		return nil, err
	}
	if len(got) != len(names) {
		return nil, fmt.Errorf("%s: Google Sheets returned %d ranges for %d tabs", what, len(got), len(names))
	}
	for i, g := range got {
		grids[names[i]] = g
	}
	s.saw(names)
	return grids, nil
}

// unparsableRange reports Google's answer to a range naming no tab.
func unparsableRange(err error) bool {
	var gerr *googleapi.Error
	return errors.As(err, &gerr) && gerr.Code == http.StatusBadRequest && strings.Contains(gerr.Message, "Unable to parse range")
}

// missingTab finds which tab is missing, with the names that exist.
func (s *Spreadsheet) missingTab(ctx context.Context, names []string, readErr error) error {
	tabs, err := s.Tabs(ctx)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, t := range tabs {
		have[tabKey(t)] = true
	}
	for _, n := range names {
		if !have[tabKey(n)] {
			return &activity.TabNotFoundError{Tab: n, File: s.URL(), Tabs: tabs}
		}
	}
	return readErr
}

// gridRow turns one row of values into cells.
func gridRow(row []any) []activity.Cell {
	if len(row) == 0 {
		return nil
	}
	cells := make([]activity.Cell, len(row))
	for c, v := range row {
		cells[c] = cellOf(v)
	}
	return cells
}

func cellOf(v any) activity.Cell {
	switch x := v.(type) {
	case float64:
		return activity.NumberCell(x)
	case bool:
		return activity.BoolCell(x)
	case string:
		if formulaErrors[x] {
			return activity.ErrorCell(x)
		}
		return activity.TextCell(x)
	}
	return activity.Cell{}
}
