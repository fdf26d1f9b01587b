package sheetstest

import (
	"strings"

	"google.golang.org/api/sheets/v4"
)

// cellMask is which parts of a cell a request sets.
type cellMask struct {
	value, format, validation, note bool
	formatParts                     []string // userEnteredFormat.numberFormat → numberFormat
}

func parseCellMask(i int, kind, fields string) (cellMask, error) {
	var m cellMask
	parts := expandMask(fields)
	if len(parts) == 0 {
		return m, invalid(i, kind, "At least one field must be specified.")
	}
	for _, f := range parts {
		switch {
		case f == "*":
			m = cellMask{value: true, format: true, validation: true, note: true}
		case f == "userEnteredValue":
			m.value = true
		case f == "userEnteredFormat":
			m.format = true
		case strings.HasPrefix(f, "userEnteredFormat."):
			m.formatParts = append(m.formatParts, strings.TrimPrefix(f, "userEnteredFormat."))
		case f == "dataValidation":
			m.validation = true
		case f == "note":
			m.note = true
		default:
			return m, invalid(i, kind, "sheetstest does not support the field %q", f)
		}
	}
	return m, nil
}

// apply sets the masked parts of dst from src (nil clears them).
func (m cellMask) apply(dst *cell, src *sheets.CellData) {
	if src == nil {
		src = &sheets.CellData{}
	}
	if m.value {
		dst.value, dst.formula = nil, ""
		if v := src.UserEnteredValue; v != nil {
			switch {
			case v.FormulaValue != nil:
				dst.formula = *v.FormulaValue
			case v.StringValue != nil:
				dst.value = *v.StringValue
			case v.NumberValue != nil:
				dst.value = *v.NumberValue
			case v.BoolValue != nil:
				dst.value = *v.BoolValue
			}
		}
	}
	if m.format {
		dst.format = src.UserEnteredFormat
	}
	if len(m.formatParts) > 0 {
		f := &sheets.CellFormat{}
		if dst.format != nil {
			*f = *dst.format
		}
		from := src.UserEnteredFormat
		if from == nil {
			from = &sheets.CellFormat{}
		}
		for _, p := range m.formatParts {
			switch p {
			case "numberFormat":
				f.NumberFormat = from.NumberFormat
			case "textFormat", "textFormat.bold":
				f.TextFormat = from.TextFormat
			case "wrapStrategy":
				f.WrapStrategy = from.WrapStrategy
			case "verticalAlignment":
				f.VerticalAlignment = from.VerticalAlignment
			}
		}
		dst.format = f
	}
	if m.validation {
		dst.validation = src.DataValidation
	}
	if m.note {
		dst.note = src.Note
	}
}

// bounds resolves a range against the tab's grid, refusing one that
// reaches past it.
func (sh *sheet) bounds(i int, kind string, g rangeJSON) (r0, r1, c0, c1 int64, err error) {
	r0, c0, r1, c1 = g.StartRowIndex, g.StartColumnIndex, sh.rowCount, sh.colCount
	if g.EndRowIndex != nil {
		r1 = *g.EndRowIndex
	}
	if g.EndColumnIndex != nil {
		c1 = *g.EndColumnIndex
	}
	if r0 < 0 || c0 < 0 || r1 > sh.rowCount || c1 > sh.colCount || r0 > r1 || c0 > c1 {
		return 0, 0, 0, 0, invalid(i, kind, "Range (%s) exceeds grid limits. Max rows: %d, max columns: %d",
			sh.a1(r0, c0)+":"+strings.TrimPrefix(sh.a1(r1-1, c1-1), "'"+sh.title+"'!"), sh.rowCount, sh.colCount)
	}
	return r0, r1, c0, c1, nil
}

func (t *txn) updateCells(i int, rows []*sheets.RowData, fields string, start *sheets.GridCoordinate, rng *rangeJSON) error {
	const kind = "updateCells"
	if (start == nil) == (rng == nil) {
		return invalid(i, kind, "exactly one of start and range must be set")
	}
	m, err := parseCellMask(i, kind, fields)
	if err != nil {
		return err
	}
	width := int64(0)
	for _, row := range rows {
		if row != nil {
			width = max(width, int64(len(row.Values)))
		}
	}
	g := rangeJSON{}
	if rng != nil {
		g = *rng
	} else {
		g.SheetID, g.StartRowIndex, g.StartColumnIndex = start.SheetId, start.RowIndex, start.ColumnIndex
		r1, c1 := start.RowIndex+int64(len(rows)), start.ColumnIndex+width
		g.EndRowIndex, g.EndColumnIndex = &r1, &c1
	}
	sh, err := t.sheet(i, kind, g.SheetID)
	if err != nil {
		return err
	}
	r0, r1, c0, c1, err := sh.bounds(i, kind, g)
	if err != nil {
		return err
	}
	if r0+int64(len(rows)) > r1 || c0+width > c1 {
		return invalid(i, kind, "the rows (%d×%d) do not fit in the range", len(rows), width)
	}
	// Clear the masked parts of the range, then write the rows over it.
	for r := r0; r < r1 && r < int64(len(sh.rows)); r++ {
		for c := c0; c < c1 && c < int64(len(sh.rows[r])); c++ {
			m.apply(&sh.rows[r][c], nil)
		}
	}
	for dr, row := range rows {
		if row == nil {
			continue
		}
		for dc, cd := range row.Values {
			sh.set(r0+int64(dr), c0+int64(dc), func(x *cell) { m.apply(x, cd) })
		}
	}
	return nil
}

func (t *txn) repeatCell(i int, g rangeJSON, cd *sheets.CellData, fields string) error {
	const kind = "repeatCell"
	m, err := parseCellMask(i, kind, fields)
	if err != nil {
		return err
	}
	sh, err := t.sheet(i, kind, g.SheetID)
	if err != nil {
		return err
	}
	r0, r1, c0, c1, err := sh.bounds(i, kind, g)
	if err != nil {
		return err
	}
	for r := r0; r < r1; r++ {
		for c := c0; c < c1; c++ {
			sh.set(r, c, func(x *cell) { m.apply(x, cd) })
		}
	}
	return nil
}

func (t *txn) dimension(i int, d sheets.DimensionRange, p sheets.DimensionProperties, fields string) error {
	const kind = "updateDimensionProperties"
	if fields != "pixelSize" {
		return invalid(i, kind, "sheetstest supports only the field pixelSize, not %q", fields)
	}
	sh, err := t.sheet(i, kind, d.SheetId)
	if err != nil {
		return err
	}
	switch {
	case d.Dimension == "ROWS":
		return nil
	case d.Dimension != "COLUMNS":
		return invalid(i, kind, "dimension must be ROWS or COLUMNS")
	case d.StartIndex < 0 || d.EndIndex > sh.colCount || d.StartIndex >= d.EndIndex:
		return invalid(i, kind, "Invalid dimension range: %d to %d (columns: %d)", d.StartIndex, d.EndIndex, sh.colCount)
	}
	for c := d.StartIndex; c < d.EndIndex; c++ {
		sh.widths[c] = p.PixelSize
	}
	return nil
}

func (t *txn) validation(i int, g rangeJSON, rule *sheets.DataValidationRule) error {
	const kind = "setDataValidation"
	sh, err := t.sheet(i, kind, g.SheetID)
	if err != nil {
		return err
	}
	r0, r1, c0, c1, err := sh.bounds(i, kind, g)
	if err != nil {
		return err
	}
	if rule != nil && (rule.Condition == nil || rule.Condition.Type == "") {
		return invalid(i, kind, "a rule needs a condition")
	}
	for r := r0; r < r1; r++ {
		for c := c0; c < c1; c++ {
			sh.set(r, c, func(x *cell) { x.validation = rule })
		}
	}
	return nil
}

func (t *txn) protect(i int, g rangeJSON, warningOnly bool, desc string) (map[string]any, error) {
	sh, err := t.sheet(i, "addProtectedRange", g.SheetID)
	if err != nil {
		return nil, err
	}
	p := &sheets.ProtectedRange{ProtectedRangeId: t.b.newID(), Range: &sheets.GridRange{SheetId: sh.id},
		WarningOnly: warningOnly, Description: desc, RequestingUserCanEdit: true}
	sh.protected = append(sh.protected, p)
	return map[string]any{"addProtectedRange": map[string]any{"protectedRange": p}}, nil
}
