package sheets

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/katsudo-npo/katsudo/activity"
	"google.golang.org/api/sheets/v4"
)

// setupState reads what Setup needs: every tab's properties and
// protection, and the first rows of the template tabs that exist, with
// their validation rules.
func (s *Spreadsheet) setupState(ctx context.Context, tabs []activity.TemplateTab) (map[string]*tabState, error) {
	var meta *sheets.Spreadsheet
	err := s.call(ctx, "read the tabs of "+s.URL(), func(ctx context.Context) error {
		var err error
		meta, err = s.svc.Spreadsheets.Get(s.id).
			Fields("sheets(properties(sheetId,title,gridProperties(rowCount,columnCount,frozenRowCount)),protectedRanges(protectedRangeId))").
			Context(ctx).Do()
		return err
	})
	if err != nil {
		return nil, err
	}
	found := map[string]*sheets.Sheet{}
	taken := map[int64]bool{}
	for _, sh := range meta.Sheets {
		if sh.Properties != nil {
			found[tabKey(sh.Properties.Title)] = sh
			taken[sh.Properties.SheetId] = true
		}
	}
	states := map[string]*tabState{}
	byTitle := map[string]*tabState{}
	var ranges []string
	for _, t := range tabs {
		st := &tabState{rules: map[int]string{}}
		states[t.Name] = st
		sh := found[tabKey(t.Name)]
		if sh == nil {
			st.id = stableID(t.Name, 0)
			for n := 1; taken[st.id]; n++ {
				st.id = stableID(t.Name, n)
			}
			taken[st.id] = true
			continue
		}
		p := sh.Properties
		st.exists, st.id, st.protected = true, p.SheetId, len(sh.ProtectedRanges) > 0
		if g := p.GridProperties; g != nil {
			st.rowCount, st.colCount, st.frozen = g.RowCount, g.ColumnCount, g.FrozenRowCount
		}
		if len(t.Columns) > 0 {
			byTitle[tabKey(p.Title)] = st
			ranges = append(ranges, quoteTab(p.Title)+"!1:"+strconv.Itoa(headRows))
		}
	}
	if len(ranges) == 0 {
		return states, nil
	}
	var heads *sheets.Spreadsheet
	err = s.call(ctx, "read the header rows of "+s.URL(), func(ctx context.Context) error {
		var err error
		heads, err = s.svc.Spreadsheets.Get(s.id).Ranges(ranges...).IncludeGridData(true).
			Fields("sheets(properties(title),data(startRow,rowData(values(userEnteredValue,dataValidation))))").
			Context(ctx).Do()
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, sh := range heads.Sheets {
		if sh.Properties == nil || byTitle[tabKey(sh.Properties.Title)] == nil {
			continue
		}
		st := byTitle[tabKey(sh.Properties.Title)]
		var cols []activity.Column
		for _, t := range tabs {
			if states[t.Name] == st {
				cols = t.Columns
			}
		}
		var g activity.Grid
		var data []*sheets.RowData
		for _, d := range sh.Data {
			data = append(data, d.RowData...)
		}
		for _, rd := range data {
			var row []activity.Cell
			if rd != nil {
				for _, cd := range rd.Values {
					row = append(row, enteredCell(cd))
				}
			}
			g = append(g, row)
		}
		t, _ := activity.ReadTable("", g, cols)
		if t.HeaderRow < 0 {
			continue
		}
		st.header = t
		if below := t.HeaderRow + 1; below < len(data) && data[below] != nil {
			for c, cd := range data[below].Values {
				if cd != nil && cd.DataValidation != nil {
					b, _ := json.Marshal(cd.DataValidation)
					st.rules[c] = string(b)
				}
			}
		}
	}
	return states, nil
}

// enteredCell is what a member typed in a cell, as a Cell.
func enteredCell(cd *sheets.CellData) activity.Cell {
	if cd == nil || cd.UserEnteredValue == nil {
		return activity.Cell{}
	}
	v := cd.UserEnteredValue
	switch {
	case v.StringValue != nil:
		return activity.TextCell(*v.StringValue)
	case v.NumberValue != nil:
		return activity.NumberCell(*v.NumberValue)
	case v.BoolValue != nil:
		return activity.BoolCell(*v.BoolValue)
	case v.FormulaValue != nil:
		return activity.TextCell(*v.FormulaValue)
	}
	return activity.Cell{}
}
