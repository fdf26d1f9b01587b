package sheetstest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"google.golang.org/api/sheets/v4"
)

// rangeJSON is a GridRange whose missing ends mean "to the end of the
// sheet", which sheets.GridRange cannot tell from zero.
type rangeJSON struct {
	SheetID          int64  `json:"sheetId"`
	StartRowIndex    int64  `json:"startRowIndex"`
	EndRowIndex      *int64 `json:"endRowIndex"`
	StartColumnIndex int64  `json:"startColumnIndex"`
	EndColumnIndex   *int64 `json:"endColumnIndex"`
}

// request holds the batchUpdate requests the server understands; any
// other kind is refused, so a test notices a client sending it.
type request struct {
	AddSheet *struct {
		Properties sheets.SheetProperties `json:"properties"`
	} `json:"addSheet"`
	UpdateSheetProperties *struct {
		Properties sheets.SheetProperties `json:"properties"`
		Fields     string                 `json:"fields"`
	} `json:"updateSheetProperties"`
	UpdateCells *struct {
		Rows   []*sheets.RowData      `json:"rows"`
		Fields string                 `json:"fields"`
		Start  *sheets.GridCoordinate `json:"start"`
		Range  *rangeJSON             `json:"range"`
	} `json:"updateCells"`
	RepeatCell *struct {
		Range  rangeJSON       `json:"range"`
		Cell   sheets.CellData `json:"cell"`
		Fields string          `json:"fields"`
	} `json:"repeatCell"`
	UpdateDimensionProperties *struct {
		Range      sheets.DimensionRange      `json:"range"`
		Properties sheets.DimensionProperties `json:"properties"`
		Fields     string                     `json:"fields"`
	} `json:"updateDimensionProperties"`
	SetDataValidation *struct {
		Range rangeJSON                  `json:"range"`
		Rule  *sheets.DataValidationRule `json:"rule"`
	} `json:"setDataValidation"`
	AppendCells *struct {
		SheetID int64             `json:"sheetId"`
		Rows    []*sheets.RowData `json:"rows"`
		Fields  string            `json:"fields"`
	} `json:"appendCells"`
	AddProtectedRange *struct {
		ProtectedRange struct {
			Range       rangeJSON `json:"range"`
			WarningOnly bool      `json:"warningOnly"`
			Description string    `json:"description"`
		} `json:"protectedRange"`
	} `json:"addProtectedRange"`
}

var supported = map[string]bool{
	"addSheet": true, "updateSheetProperties": true, "updateCells": true, "repeatCell": true,
	"updateDimensionProperties": true, "setDataValidation": true, "addProtectedRange": true, "appendCells": true,
}

// badRequest is a request Google would refuse, with Google's wording.
type badRequest string

func (e badRequest) Error() string { return string(e) }

func invalid(i int, kind, format string, args ...any) error {
	return badRequest(fmt.Sprintf("Invalid requests[%d].%s: ", i, kind) + fmt.Sprintf(format, args...))
}

// batchUpdate applies every request to a copy of the spreadsheet and keeps
// the copy only when all of them succeed: Google's batchUpdate is atomic.
func (s *Server) batchUpdate(w http.ResponseWriter, r *http.Request, b *book, fault *Fault) {
	var body struct {
		Requests                     []map[string]json.RawMessage `json:"requests"`
		IncludeSpreadsheetInResponse bool                         `json:"includeSpreadsheetInResponse"`
		ResponseRanges               []string                     `json:"responseRanges"`
		ResponseIncludeGridData      bool                         `json:"responseIncludeGridData"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Invalid JSON payload received. "+err.Error())
		return
	}
	t := &txn{b: b.copy(), touched: map[*sheet]bool{}}
	replies := make([]map[string]any, 0, len(body.Requests))
	stopAt := len(body.Requests)
	if fault != nil && fault.Halfway {
		stopAt = len(body.Requests) / 2
	}
	for i, raw := range body.Requests {
		if i == stopAt {
			break
		}
		reply, err := t.apply(i, raw)
		if err != nil {
			writeError(w, http.StatusBadRequest, "INVALID_ARGUMENT", err.Error())
			return
		}
		replies = append(replies, reply)
	}
	if fault != nil && fault.Halfway {
		writeError(w, fault.Status, statusName(fault.Status), fault.message()+" (halfway through the batch)")
		return
	}
	t.b.reindex()
	answer := map[string]any{"spreadsheetId": b.id, "replies": replies}
	if body.IncludeSpreadsheetInResponse {
		// A field mask, when set, decides whether grid data comes back.
		grid := body.ResponseIncludeGridData
		if mask := r.URL.Query().Get("fields"); mask != "" {
			grid = strings.Contains(mask, "data")
		}
		sp, ok := t.b.updatedSpreadsheet(body.ResponseRanges, grid)
		if !ok {
			writeError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Unable to parse range: "+strings.Join(body.ResponseRanges, ", "))
			return
		}
		answer["updatedSpreadsheet"] = sp
	}
	s.books[b.id] = t.b
	writeJSON(w, http.StatusOK, answer)
}

// txn is a batchUpdate in progress: the copy it changes, and the tabs it
// has already copied before changing them.
type txn struct {
	b       *book
	touched map[*sheet]bool
}

func (b *book) copy() *book {
	c := *b
	c.sheets = append([]*sheet(nil), b.sheets...)
	return &c
}

// sheet finds a tab by ID, copying it first so the original stays intact.
func (t *txn) sheet(i int, kind string, id int64) (*sheet, error) {
	at, sh := t.b.byID(id)
	if sh == nil {
		return nil, invalid(i, kind, "No grid with id: %d", id)
	}
	if !t.touched[sh] {
		sh = sh.clone()
		t.b.sheets[at] = sh
		t.touched[sh] = true
	}
	return sh, nil
}

func (t *txn) apply(i int, raw map[string]json.RawMessage) (map[string]any, error) {
	if len(raw) != 1 {
		return nil, badRequest(fmt.Sprintf("Invalid requests[%d]: exactly one kind of request expected, found %d", i, len(raw)))
	}
	var kind string
	for k := range raw {
		kind = k
	}
	if !supported[kind] {
		return nil, badRequest(fmt.Sprintf("sheetstest: requests[%d].%s is not supported", i, kind))
	}
	whole, _ := json.Marshal(raw)
	var q request
	if err := json.Unmarshal(whole, &q); err != nil {
		return nil, invalid(i, kind, "%v", err)
	}
	switch {
	case q.AddSheet != nil:
		return t.addSheet(i, q.AddSheet.Properties)
	case q.UpdateSheetProperties != nil:
		return nil, t.updateSheet(i, q.UpdateSheetProperties.Properties, q.UpdateSheetProperties.Fields)
	case q.UpdateCells != nil:
		u := q.UpdateCells
		return nil, t.updateCells(i, u.Rows, u.Fields, u.Start, u.Range)
	case q.RepeatCell != nil:
		return nil, t.repeatCell(i, q.RepeatCell.Range, &q.RepeatCell.Cell, q.RepeatCell.Fields)
	case q.UpdateDimensionProperties != nil:
		u := q.UpdateDimensionProperties
		return nil, t.dimension(i, u.Range, u.Properties, u.Fields)
	case q.SetDataValidation != nil:
		return nil, t.validation(i, q.SetDataValidation.Range, q.SetDataValidation.Rule)
	case q.AppendCells != nil:
		a := q.AppendCells
		return nil, t.appendCells(i, a.SheetID, a.Rows, a.Fields)
	case q.AddProtectedRange != nil:
		p := q.AddProtectedRange.ProtectedRange
		return t.protect(i, p.Range, p.WarningOnly, p.Description)
	}
	return nil, invalid(i, kind, "empty request")
}

func (t *txn) addSheet(i int, p sheets.SheetProperties) (map[string]any, error) {
	if p.Title == "" {
		p.Title = "Sheet" + strconv.Itoa(len(t.b.sheets)+1)
	}
	if _, sh := t.b.find(p.Title); sh != nil {
		return nil, invalid(i, "addSheet", "A sheet with the name \"%s\" already exists. Please enter another name.", p.Title)
	}
	if p.SheetId == 0 {
		p.SheetId = t.b.newID()
	} else if _, sh := t.b.byID(p.SheetId); sh != nil {
		return nil, invalid(i, "addSheet", "Sheet with id %d already exists.", p.SheetId)
	}
	sh := &sheet{id: p.SheetId, title: p.Title, rowCount: 1000, colCount: 26, widths: map[int64]int64{}}
	if g := p.GridProperties; g != nil {
		if g.RowCount > 0 {
			sh.rowCount = g.RowCount
		}
		if g.ColumnCount > 0 {
			sh.colCount = g.ColumnCount
		}
		sh.frozen = g.FrozenRowCount
	}
	if sh.frozen >= sh.rowCount {
		return nil, invalid(i, "addSheet", "You can't freeze all visible rows on the sheet.")
	}
	t.touched[sh] = true
	at := len(t.b.sheets)
	if p.Index > 0 && p.Index < int64(at) {
		at = int(p.Index)
	}
	t.b.sheets = append(t.b.sheets[:at], append([]*sheet{sh}, t.b.sheets[at:]...)...)
	t.b.reindex()
	props := &sheets.SheetProperties{SheetId: sh.id, Title: sh.title, Index: sh.index, SheetType: "GRID",
		GridProperties: &sheets.GridProperties{RowCount: sh.rowCount, ColumnCount: sh.colCount, FrozenRowCount: sh.frozen}}
	return map[string]any{"addSheet": map[string]any{"properties": props}}, nil
}

func (t *txn) updateSheet(i int, p sheets.SheetProperties, fields string) error {
	sh, err := t.sheet(i, "updateSheetProperties", p.SheetId)
	if err != nil {
		return err
	}
	g := p.GridProperties
	if g == nil {
		g = &sheets.GridProperties{}
	}
	for _, f := range expandMask(fields) {
		switch f {
		case "title":
			if _, other := t.b.find(p.Title); other != nil && other.id != sh.id {
				return invalid(i, "updateSheetProperties", "A sheet with the name \"%s\" already exists. Please enter another name.", p.Title)
			}
			sh.title = p.Title
		case "gridProperties.rowCount":
			sh.rowCount = g.RowCount
			if int64(len(sh.rows)) > sh.rowCount {
				sh.rows = sh.rows[:sh.rowCount]
			}
		case "gridProperties.columnCount":
			sh.colCount = g.ColumnCount
			for r, row := range sh.rows {
				if int64(len(row)) > sh.colCount {
					sh.rows[r] = row[:sh.colCount]
				}
			}
		case "gridProperties.frozenRowCount":
			sh.frozen = g.FrozenRowCount
		default:
			return invalid(i, "updateSheetProperties", "sheetstest does not support the field %q", f)
		}
	}
	if sh.rowCount < 1 || sh.colCount < 1 {
		return invalid(i, "updateSheetProperties", "The grid must have at least one row and one column.")
	}
	if sh.frozen >= sh.rowCount {
		return invalid(i, "updateSheetProperties", "You can't freeze all visible rows on the sheet.")
	}
	return nil
}

// expandMask turns "a,b(c,d)" into a, b.c, b.d.
func expandMask(mask string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i <= len(mask); i++ {
		if i < len(mask) && mask[i] == '(' {
			depth++
		} else if i < len(mask) && mask[i] == ')' {
			depth--
		} else if i == len(mask) || (mask[i] == ',' && depth == 0) {
			part := strings.TrimSpace(mask[start:i])
			start = i + 1
			if open := strings.IndexByte(part, '('); open > 0 && strings.HasSuffix(part, ")") {
				for _, sub := range expandMask(part[open+1 : len(part)-1]) {
					out = append(out, part[:open]+"."+sub)
				}
			} else if part != "" {
				out = append(out, part)
			}
		}
	}
	sort.Strings(out)
	return out
}
