package sheets

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/katsudo-npo/katsudo/activity"
	"google.golang.org/api/sheets/v4"
)

// headRows is how far down Setup looks for a tab's header row.
const headRows = 20

// protectionNote is shown when someone edits a tab katsudo writes.
const protectionNote = "katsudo が書き換えるタブです。ここを編集しても次の実行で置き換わります。残したいときはタブをコピーしてください。 / katsudo rewrites this tab; edits here are replaced on the next run. Duplicate the tab to keep a copy."

// tabState is what Setup found of one template tab in the spreadsheet.
type tabState struct {
	id                         int64
	exists, protected          bool
	rowCount, colCount, frozen int64
	header                     *activity.Table // nil when no header row was found
	rules                      map[int]string  // column → its validation rule (JSON) below the header
}

// Setup lays the spreadsheet out as the template says, with at most one
// batchUpdate: it adds the missing tabs with their header, a frozen
// header row, dropdowns and date and amount checks, and a warning-only
// protection on the tabs katsudo writes. It never deletes or overwrites a
// cell that holds anything: an existing tab keeps its header and rows and
// only gains what it lacks. It returns what it changed; run again, it
// changes nothing and returns nothing.
func (s *Spreadsheet) Setup(ctx context.Context, tabs []activity.TemplateTab) ([]activity.Text, error) {
	states, err := s.setupState(ctx, tabs)
	if err != nil {
		return nil, err
	}
	var reqs []*sheets.Request
	var changes []activity.Text
	add := func(r ...*sheets.Request) { reqs = append(reqs, r...) }
	for _, t := range tabs {
		st := states[t.Name]
		if !st.exists {
			h := t.HeaderSheet()
			rows, cols := gridSize(h)
			add(&sheets.Request{AddSheet: &sheets.AddSheetRequest{Properties: &sheets.SheetProperties{
				SheetId: st.id, Title: t.Name,
				GridProperties: &sheets.GridProperties{RowCount: max(rows, 1000), ColumnCount: max(cols, 26), FrozenRowCount: int64(h.FrozenRows)},
			}}})
			st.rowCount, st.colCount = max(rows, 1000), max(cols, 26)
			changes = append(changes, activity.Text{Ja: "「" + t.Name + "」タブを作りました", En: "created the tab " + t.Name})
		}
		if len(t.Columns) > 0 && st.header == nil {
			h := t.HeaderSheet()
			add(&sheets.Request{UpdateCells: &sheets.UpdateCellsRequest{
				Start: &sheets.GridCoordinate{SheetId: st.id, ForceSendFields: []string{"SheetId"}},
				Rows:  rowData(h), Fields: "userEnteredValue,userEnteredFormat",
			}})
			add(widthRequests(st.id, t.Widths)...)
			if st.exists {
				changes = append(changes, activity.Text{Ja: "「" + t.Name + "」タブに見出し行を書きました", En: "wrote the header row of " + t.Name})
			}
		}
		headerRow := 0
		if st.header != nil {
			headerRow = st.header.HeaderRow
		}
		if len(t.Columns) > 0 && st.exists && st.frozen == 0 {
			add(&sheets.Request{UpdateSheetProperties: &sheets.UpdateSheetPropertiesRequest{
				Properties: &sheets.SheetProperties{SheetId: st.id, ForceSendFields: []string{"SheetId"},
					GridProperties: &sheets.GridProperties{FrozenRowCount: int64(headerRow + 1)}},
				Fields: "gridProperties.frozenRowCount",
			}})
			changes = append(changes, activity.Text{Ja: "「" + t.Name + "」タブの見出し行を固定しました", En: "froze the header row of " + t.Name})
		}
		for _, r := range t.Rules {
			col := st.column(t.Columns, r.Column)
			rule := googleRule(r, tabs, states)
			if col < 0 || rule == nil {
				continue
			}
			if b, _ := json.Marshal(rule); st.rules[col] == string(b) {
				continue
			}
			add(&sheets.Request{SetDataValidation: &sheets.SetDataValidationRequest{
				Range: columnBelow(st.id, headerRow, col), Rule: rule,
			}})
			if !st.exists {
				continue
			}
			changes = append(changes, activity.Text{
				Ja: "「" + t.Name + "」タブの" + activity.ColumnName(col) + "列（" + t.Columns[colIndex(t.Columns, r.Column)].Ja + "）に入力規則を付けました",
				En: "added a check to column " + activity.ColumnName(col) + " (" + t.Columns[colIndex(t.Columns, r.Column)].Ja + ") of " + t.Name,
			})
		}
		if t.Written && !st.protected {
			add(&sheets.Request{AddProtectedRange: &sheets.AddProtectedRangeRequest{ProtectedRange: &sheets.ProtectedRange{
				Range: &sheets.GridRange{SheetId: st.id, ForceSendFields: []string{"SheetId"}}, WarningOnly: true, Description: protectionNote,
			}}})
			changes = append(changes, activity.Text{Ja: "「" + t.Name + "」タブを保護しました（警告のみ）", En: "protected the tab " + t.Name + " (warning only)"})
		}
	}
	if len(reqs) == 0 {
		return nil, nil
	}
	err = s.call(ctx, "set up "+s.URL(), func(ctx context.Context) error {
		_, err := s.svc.Spreadsheets.BatchUpdate(s.id, &sheets.BatchUpdateSpreadsheetRequest{Requests: reqs}).
			Fields("spreadsheetId").Context(ctx).Do()
		return err
	})
	if err != nil {
		return nil, err
	}
	return changes, nil
}

// column is where a template column is in the tab: by header name in an
// existing tab, by template position in a new one.
func (st *tabState) column(cols []activity.Column, key string) int {
	if st.header != nil {
		return st.header.Col(key)
	}
	return colIndex(cols, key)
}

func colIndex(cols []activity.Column, key string) int {
	for i, c := range cols {
		if c.Key == key {
			return i
		}
	}
	return -1
}

// columnBelow is one column from the row under the header to the end.
func columnBelow(id int64, headerRow, col int) *sheets.GridRange {
	return &sheets.GridRange{SheetId: id, StartRowIndex: int64(headerRow + 1), StartColumnIndex: int64(col), EndColumnIndex: int64(col + 1),
		ForceSendFields: []string{"SheetId", "StartRowIndex", "StartColumnIndex"}}
}

// googleRule is a Rule as Google Sheets data validation; nil when the
// column it draws from cannot be found.
func googleRule(r activity.Rule, tabs []activity.TemplateTab, states map[string]*tabState) *sheets.DataValidationRule {
	v := &sheets.DataValidationRule{InputMessage: r.Help, Condition: &sheets.BooleanCondition{}}
	switch r.Kind {
	case activity.RuleList:
		v.Condition.Type, v.ShowCustomUi = "ONE_OF_LIST", true
		for _, item := range r.List {
			v.Condition.Values = append(v.Condition.Values, &sheets.ConditionValue{UserEnteredValue: item})
		}
	case activity.RuleColumn:
		src := states[r.Tab]
		if src == nil {
			return nil
		}
		col := src.column(columnsOf(tabs, r.Tab), r.Source)
		if col < 0 {
			return nil
		}
		row := 2
		if src.header != nil {
			row = src.header.HeaderRow + 2
		}
		c := "$" + activity.ColumnName(col)
		v.Condition.Type, v.ShowCustomUi = "ONE_OF_RANGE", true
		v.Condition.Values = []*sheets.ConditionValue{{UserEnteredValue: "=" + quoteTab(r.Tab) + "!" + c + "$" + strconv.Itoa(row) + ":" + c}}
	case activity.RuleDate:
		v.Condition.Type = "DATE_IS_VALID"
	case activity.RuleAmount:
		v.Condition.Type = "NUMBER_GREATER_THAN_EQ"
		v.Condition.Values = []*sheets.ConditionValue{{UserEnteredValue: "0"}}
	case activity.RuleHint: // the help alone: any value is accepted
		v.Condition.Type = "CUSTOM_FORMULA"
		v.Condition.Values = []*sheets.ConditionValue{{UserEnteredValue: "=TRUE"}}
	}
	return v
}

// columnsOf returns the column list for a template tab name, for rules
// that point at another tab.
func columnsOf(tabs []activity.TemplateTab, name string) []activity.Column {
	for _, t := range tabs {
		if t.Name == name {
			return t.Columns
		}
	}
	return nil
}
