package sheets

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"net/http"

	"github.com/katsudo-npo/katsudo/activity"
	"google.golang.org/api/googleapi"
	"google.golang.org/api/sheets/v4"
)

// maxSheetsCellText is the longest text Google Sheets keeps in a cell.
const maxSheetsCellText = activity.MaxSheetsCellText

// maxColWidth is the widest column katsudo sets, in characters: Excel's
// limit, so that a downloaded copy keeps its layout.
const maxColWidth = 255

// Write replaces the named tabs whole, creating those that are missing (at
// the end), with one spreadsheets:batchUpdate request. Google applies a
// batchUpdate entirely or not at all, so the report and the findings are
// replaced together or stay as they were. A replaced tab keeps its sheetId,
// so links to it (#gid=…) keep working. Text is written as text, never as
// a formula: a cell reading =IMPORTXML(…) stays that text. A tab Write
// creates gets a warning-only protection, as `katsudo init` gives it. The
// members' tabs (SheetsConfig.ReadOnly) are refused before anything is sent.
//
// Write needs no sheet metadata when the tabs are where katsudo left them:
// a tab katsudo creates gets a sheetId derived from its name, so the next
// run can address it directly. When that guess is wrong (the tab was made
// by hand, or is missing) Google refuses the whole batch, and Write asks
// for the metadata once and sends the batch again.
func (s *Spreadsheet) Write(ctx context.Context, tabs []activity.Sheet) error {
	_, err := s.commit(ctx, tabs, nil)
	return err
}

// refused reports Google's 400 to a batch, which leaves the spreadsheet as
// it was.
func refused(err error) bool {
	var gerr *googleapi.Error
	return errors.As(err, &gerr) && gerr.Code == http.StatusBadRequest
}

// checkWrite refuses, before any request, what Google would refuse or
// katsudo must never do.
func (s *Spreadsheet) checkWrite(tabs []activity.Sheet) error {
	if err := activity.CheckSheets(tabs); err != nil {
		return err
	}
	for _, t := range tabs {
		for _, ro := range s.readOnly {
			if tabKey(ro) == tabKey(t.Name) {
				return &activity.TabNameError{Tab: t.Name, Reason: "it is a tab members write; katsudo never writes it"}
			}
		}
	}
	return nil
}

// stableID is the sheetId katsudo gives a tab it creates: derived from the
// tab's name, so that a later run can address the tab without asking.
func stableID(title string, n int) int64 {
	h := fnv.New32a()
	h.Write([]byte(tabKey(title)))
	if n > 0 {
		fmt.Fprintf(h, "#%d", n)
	}
	id := int64(h.Sum32() & 0x7fffffff)
	if id == 0 {
		id = 1
	}
	return id
}

// plan builds the batch. With ids nil (no metadata) every tab is assumed
// to exist under its stable ID; with ids, existing tabs are cleared and
// rewritten under their own IDs and missing ones added.
func plan(tabs []activity.Sheet, ids map[string]int64) (reqs []*sheets.Request, used map[string]int64) {
	used = map[string]int64{}
	taken := map[int64]bool{}
	for _, id := range ids {
		taken[id] = true
	}
	for _, t := range tabs {
		rows, cols := gridSize(t)
		props := &sheets.SheetProperties{Title: t.Name, GridProperties: &sheets.GridProperties{
			RowCount: rows, ColumnCount: cols, FrozenRowCount: int64(t.FrozenRows), ForceSendFields: []string{"FrozenRowCount"},
		}, ForceSendFields: []string{"SheetId"}}
		id, exists := stableID(t.Name, 0), true
		if ids != nil {
			id, exists = ids[tabKey(t.Name)]
			for n := 0; !exists && (id == 0 || taken[id]); n++ {
				id = stableID(t.Name, n)
			}
		}
		props.SheetId, taken[id], used[tabKey(t.Name)] = id, true, id
		data := rowData(t)
		if exists {
			reqs = append(reqs,
				&sheets.Request{UpdateSheetProperties: &sheets.UpdateSheetPropertiesRequest{
					Properties: props, Fields: "title,gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount",
				}},
				// Over the whole tab: cells the rows do not reach are cleared.
				&sheets.Request{UpdateCells: &sheets.UpdateCellsRequest{
					Range: &sheets.GridRange{SheetId: id, ForceSendFields: []string{"SheetId"}}, Rows: data, Fields: "*",
				}})
		} else {
			reqs = append(reqs,
				&sheets.Request{AddSheet: &sheets.AddSheetRequest{Properties: props}},
				&sheets.Request{UpdateCells: &sheets.UpdateCellsRequest{
					Start: &sheets.GridCoordinate{SheetId: id, ForceSendFields: []string{"SheetId"}}, Rows: data, Fields: "userEnteredValue,userEnteredFormat",
				}},
				// As `katsudo init` does: whoever edits the tab is told that
				// the next run replaces it, and how to keep a copy.
				&sheets.Request{AddProtectedRange: &sheets.AddProtectedRangeRequest{ProtectedRange: &sheets.ProtectedRange{
					Range: &sheets.GridRange{SheetId: id, ForceSendFields: []string{"SheetId"}}, WarningOnly: true, Description: protectionNote,
				}}})
		}
		reqs = append(reqs, widthRequests(id, t.Widths)...)
	}
	return reqs, used
}

// gridSize is the tab's size: its rows and columns, and one row below the
// frozen ones (Google refuses to freeze every row).
func gridSize(t activity.Sheet) (rows, cols int64) {
	rows = max(int64(len(t.Rows)), int64(t.FrozenRows)+1, 1)
	cols = max(int64(len(t.Widths)), 1)
	for _, r := range t.Rows {
		cols = max(cols, int64(len(r)))
	}
	return rows, cols
}

// widthRequests set column widths: a character is about 7 pixels.
func widthRequests(id int64, widths []float64) []*sheets.Request {
	var reqs []*sheets.Request
	for i, w := range widths {
		if w <= 0 {
			continue
		}
		reqs = append(reqs, &sheets.Request{UpdateDimensionProperties: &sheets.UpdateDimensionPropertiesRequest{
			Range: &sheets.DimensionRange{SheetId: id, Dimension: "COLUMNS", StartIndex: int64(i), EndIndex: int64(i + 1),
				ForceSendFields: []string{"SheetId", "StartIndex"}},
			Properties: &sheets.DimensionProperties{PixelSize: int64(min(w, maxColWidth)*7 + 10.5)},
			Fields:     "pixelSize",
		}})
	}
	return reqs
}

// rowData is the tab's cells as the API takes them: numbers as numbers,
// text as text (stringValue is never parsed, so "=1+1" stays text), and
// the styles as formats. Header rows are bold.
func rowData(t activity.Sheet) []*sheets.RowData {
	formats := map[activity.Style]*sheets.CellFormat{}
	rows := make([]*sheets.RowData, len(t.Rows))
	for r, row := range t.Rows {
		rd := &sheets.RowData{Values: make([]*sheets.CellData, len(row))}
		for c, v := range row {
			cd := &sheets.CellData{}
			switch {
			case v.IsNum:
				n := float64(v.Num)
				cd.UserEnteredValue = &sheets.ExtendedValue{NumberValue: &n, ForceSendFields: []string{"NumberValue"}}
			case v.Text != "":
				text := v.Text
				cd.UserEnteredValue = &sheets.ExtendedValue{StringValue: &text}
			}
			st := v.Style
			if r < t.FrozenRows {
				st |= activity.Bold
			}
			if st != 0 {
				if formats[st] == nil {
					formats[st] = cellFormat(st)
				}
				cd.UserEnteredFormat = formats[st]
			}
			rd.Values[c] = cd
		}
		rows[r] = rd
	}
	return rows
}

// cellFormat is katsudo's style as a Google Sheets format.
func cellFormat(st activity.Style) *sheets.CellFormat {
	f := &sheets.CellFormat{}
	if st&activity.Bold != 0 {
		f.TextFormat = &sheets.TextFormat{Bold: true}
	}
	switch {
	case st&activity.Sen != 0:
		f.NumberFormat = &sheets.NumberFormat{Type: "NUMBER", Pattern: `#,##0"千円"`}
	case st&activity.Yen != 0:
		f.NumberFormat = &sheets.NumberFormat{Type: "NUMBER", Pattern: `#,##0"円"`}
	}
	if st&activity.Wrap != 0 {
		f.WrapStrategy, f.VerticalAlignment = "WRAP", "TOP"
	}
	if st&activity.Ruled != 0 {
		// Thin lines like the official form's table. This, the frozen
		// header rows (which Google prints atop every page when "repeat
		// frozen rows" is on, its default) and the column widths are all
		// the print layout the Sheets API can set: paper size,
		// orientation, scaling and page breaks are chosen in the print
		// dialog (A4, landscape, fit to width; see the README).
		thin := &sheets.Border{Style: "SOLID"}
		f.Borders = &sheets.Borders{Top: thin, Bottom: thin, Left: thin, Right: thin}
	}
	return f
}
