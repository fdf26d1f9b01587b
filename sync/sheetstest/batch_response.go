package sheetstest

import (
	"google.golang.org/api/sheets/v4"
)

// appendCells answers an appendCells request as Google does: the rows go
// below the last row of the tab holding a value, from column A on, and
// the grid grows to hold them. Only userEnteredValue is understood, the
// one field katsudo sends.
func (t *txn) appendCells(i int, id int64, rows []*sheets.RowData, fields string) error {
	sh, err := t.sheet(i, "appendCells", id)
	if err != nil {
		return err
	}
	m, err := parseCellMask(i, "appendCells", fields)
	if err != nil {
		return err
	}
	start := int64(0)
	for r, row := range sh.rows {
		for _, x := range row {
			if x.value != nil || x.formula != "" {
				start = int64(r) + 1
			}
		}
	}
	width := int64(0)
	for r, row := range rows {
		if row == nil {
			continue
		}
		for c, cd := range row.Values {
			sh.set(start+int64(r), int64(c), func(x *cell) { m.apply(x, cd) })
		}
		width = max(width, int64(len(row.Values)))
	}
	sh.rowCount = max(sh.rowCount, start+int64(len(rows)))
	sh.colCount = max(sh.colCount, width)
	return nil
}

// updatedSpreadsheet is the spreadsheet a batchUpdate answers with when
// asked to (includeSpreadsheetInResponse): every tab's properties, or,
// when responseRanges are given, only the tabs they name, each with the
// cells of its range when grid data is asked for (responseIncludeGridData,
// or a fields mask that names it), as effective values. Rows run to the
// last one holding a value in the range, as Google leaves trailing empty
// rows out.
func (b *book) updatedSpreadsheet(ranges []string, gridData bool) (map[string]any, bool) {
	type sheetJSON struct {
		Properties map[string]any   `json:"properties"`
		Data       []map[string]any `json:"data,omitempty"`
	}
	props := func(sh *sheet) map[string]any {
		return map[string]any{"sheetId": sh.id, "title": sh.title, "index": sh.index, "sheetType": "GRID",
			"gridProperties": map[string]any{"rowCount": sh.rowCount, "columnCount": sh.colCount, "frozenRowCount": sh.frozen}}
	}
	var out []*sheetJSON
	if len(ranges) == 0 {
		for _, sh := range b.sheets {
			out = append(out, &sheetJSON{Properties: props(sh)})
		}
		return map[string]any{"spreadsheetId": b.id, "sheets": out}, true
	}
	byTab := map[*sheet]*sheetJSON{}
	for _, a1 := range ranges {
		g, ok := b.parseRange(a1)
		if !ok {
			return nil, false
		}
		sj := byTab[g.sh]
		if sj == nil {
			sj = &sheetJSON{Properties: props(g.sh)}
			byTab[g.sh] = sj
		}
		if gridData {
			sj.Data = append(sj.Data, gridDataOf(g))
		}
	}
	for _, sh := range b.sheets { // in the tabs' order, as Google gives them
		if sj := byTab[sh]; sj != nil {
			out = append(out, sj)
		}
	}
	return map[string]any{"spreadsheetId": b.id, "sheets": out}, true
}

// gridDataOf is one range's GridData: its start and its rows of effective
// values.
func gridDataOf(g gridRange) map[string]any {
	sh := g.sh
	r1, c1 := g.r1, g.c1
	if r1 < 0 || r1 > int64(len(sh.rows)) {
		r1 = int64(len(sh.rows))
	}
	var rows []map[string]any
	last := -1
	for r := g.r0; r < r1; r++ {
		row := sh.rows[r]
		end := int64(len(row))
		if c1 >= 0 && c1 < end {
			end = c1
		}
		var vals []map[string]any
		lastCol := -1
		for c := g.c0; c < end; c++ {
			v := effective(row[c].value)
			if v != nil {
				lastCol = int(c - g.c0)
			}
			vals = append(vals, map[string]any{"effectiveValue": v})
		}
		vals = vals[:lastCol+1]
		for j := range vals {
			if vals[j]["effectiveValue"] == nil {
				vals[j] = map[string]any{}
			}
		}
		rows = append(rows, map[string]any{"values": vals})
		if lastCol >= 0 {
			last = len(rows) - 1
		}
	}
	rows = rows[:last+1]
	return map[string]any{"startRow": g.r0, "startColumn": g.c0, "rowData": rows}
}

// effective is a cell's value as an ExtendedValue, nil when blank.
func effective(v any) map[string]any {
	switch x := v.(type) {
	case string:
		return map[string]any{"stringValue": x}
	case float64:
		return map[string]any{"numberValue": x}
	case bool:
		return map[string]any{"boolValue": x}
	case Error:
		return map[string]any{"errorValue": map[string]any{"type": "ERROR", "message": string(x)}}
	}
	return nil
}
