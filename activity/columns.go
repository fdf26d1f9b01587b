package activity

import (
	"strings"
	"unicode"
)

// Column is one header of an input tab: the Japanese name the template
// uses, the English alias and the other names members give it.
type Column struct {
	Key      string
	Ja       string
	Aliases  []string
	Required bool
}

// The columns of the three input tabs (SPEC §2). A required column that is
// missing or renamed stops the run before anything is written.
var (
	LogColumns = []Column{
		{Key: "date", Ja: "日付", Aliases: []string{"date", "日時", "実施日", "活動日"}, Required: true},
		{Key: "program", Ja: "事業", Aliases: []string{"program", "事業名", "事業コード"}, Required: true},
		{Key: "description", Ja: "内容", Aliases: []string{"description", "活動内容"}, Required: true},
		{Key: "place", Ja: "場所", Aliases: []string{"place", "実施場所"}, Required: true},
		{Key: "staff", Ja: "従事者", Aliases: []string{"staff", "従事者人員", "従事者数"}, Required: true},
		{Key: "beneficiaries", Ja: "受益対象", Aliases: []string{"beneficiaries", "受益対象者"}, Required: true},
		{Key: "beneficiary", Ja: "受益先", Aliases: []string{"beneficiary"}},
		{Key: "expense", Ja: "支出額", Aliases: []string{"expense", "支出", "金額"}, Required: true},
		{Key: "status", Ja: "状態", Aliases: []string{"status"}, Required: true},
		{Key: "member", Ja: "記入者", Aliases: []string{"member", "入力者"}, Required: true},
		{Key: "note", Ja: "備考", Aliases: []string{"note", "notes", "メモ"}},
	}
	ProgramColumns = []Column{
		{Key: "code", Ja: "コード", Aliases: []string{"code", "番号"}, Required: true},
		{Key: "name", Ja: "事業名", Aliases: []string{"name", "事業"}, Required: true},
		{Key: "kind", Ja: "区分", Aliases: []string{"kind"}},
		{Key: "description", Ja: "内容", Aliases: []string{"description", "事業内容"}, Required: true},
		{Key: "owners", Ja: "担当", Aliases: []string{"owners", "owner", "担当者"}, Required: true},
		{Key: "cadence", Ja: "頻度", Aliases: []string{"cadence"}, Required: true},
		{Key: "budget", Ja: "予算額", Aliases: []string{"budget", "予算"}},
		{Key: "settled", Ja: "決算額", Aliases: []string{"settled", "決算"}, Required: true},
	}
	MemberColumns = []Column{
		{Key: "name", Ja: "氏名", Aliases: []string{"name", "名前"}, Required: true},
		{Key: "slack", Ja: "Slack", Aliases: []string{"slack", "slack id", "メール", "email"}},
		{Key: "active", Ja: "在籍", Aliases: []string{"active", "状態"}},
	}
)

// Table is an input tab read by its header: which column holds which
// field, and which rows hold data. Row and column indexes are zero-based
// positions in Grid.
type Table struct {
	Tab       string
	Grid      Grid
	HeaderRow int
	cols      map[string]int
	// Rows are the non-blank rows below the header.
	Rows []int
}

// Col returns the column index of a field, or -1 when the tab has no such column.
func (t *Table) Col(key string) int {
	if i, ok := t.cols[key]; ok {
		return i
	}
	return -1
}

// Cell returns the field's cell on a row (blank when the column is absent).
func (t *Table) Cell(row int, key string) Cell {
	return t.Grid.At(row, t.Col(key))
}

// Ref is the cell reference of a field on a row; the row alone when the
// column is absent.
func (t *Table) Ref(row int, key string) string {
	if c := t.Col(key); c >= 0 {
		return CellRef(t.Tab, row, c)
	}
	return t.Tab + "!" + itoa(row+1) + ":" + itoa(row+1)
}

// ReadTable finds the header (the first non-empty row, or one of the next
// few when the first is a title) and the columns by name, in any order,
// ignoring columns it does not know. Every missing
// required column is a missing-column finding; the table is still
// returned so that the other checks can run.
func ReadTable(tab string, g Grid, cols []Column) (*Table, []Finding) {
	t := &Table{Tab: tab, Grid: g, HeaderRow: -1, cols: make(map[string]int, len(cols))}
	// The header is the first non-empty row; a title line above it
	// (「2021年度 活動ログ」) is passed over when a row below names more
	// columns.
	best := 0
	for r, seen := 0, 0; r < len(g) && seen < headerSearchRows; r++ {
		if rowBlank(g[r]) {
			continue
		}
		seen++
		found := matchHeader(g[r], cols)
		if t.HeaderRow < 0 || len(found) > best {
			t.HeaderRow, t.cols, best = r, found, len(found)
		}
	}
	if t.HeaderRow >= 0 {
		for r := t.HeaderRow + 1; r < len(g); r++ {
			if !rowBlank(g[r]) {
				t.Rows = append(t.Rows, r)
			}
		}
	}
	var fs []Finding
	for _, col := range cols {
		if _, ok := t.cols[col.Key]; ok || !col.Required {
			continue
		}
		ref := tab
		if t.HeaderRow >= 0 {
			ref = tab + "!" + itoa(t.HeaderRow+1) + ":" + itoa(t.HeaderRow+1)
		}
		fs = append(fs, Finding{
			Code: CodeMissingColumn, Severity: SeverityError, Ref: ref, Row: -1,
			Message: Text{
				Ja: "「" + tab + "」タブに「" + col.Ja + "」列がありません（見出し行の名前を確認してください。英語名 " + col.Aliases[0] + " も使えます）。この列がないため何も書き込みません",
				En: "tab " + tab + " has no \"" + col.Ja + "\" (" + col.Aliases[0] + ") column; check the header row. Nothing is written until it is back",
			},
		})
	}
	return t, fs
}

// headerSearchRows is how many non-empty rows from the top may hold the header.
const headerSearchRows = 5

// matchHeader maps each known column to its index in a header row.
func matchHeader(row []Cell, cols []Column) map[string]int {
	found := make(map[string]int, len(cols))
	for c, cell := range row {
		h := headerKey(cell.String())
		if h == "" {
			continue
		}
		for _, col := range cols {
			if _, seen := found[col.Key]; seen || !col.matches(h) {
				continue
			}
			found[col.Key] = c
			break
		}
	}
	return found
}

func (col Column) matches(h string) bool {
	if h == headerKey(col.Ja) {
		return true
	}
	for _, a := range col.Aliases {
		if h == headerKey(a) {
			return true
		}
	}
	return false
}

// headerKey normalises a header for matching: width-folded, lower case,
// without spaces, without a trailing unit in brackets (支出額（円）).
func headerKey(s string) string {
	s = strings.ToLower(Fold(s))
	if i := strings.IndexAny(s, "(["); i > 0 && (strings.HasSuffix(s, ")") || strings.HasSuffix(s, "]")) {
		s = s[:i]
	}
	if i := strings.Index(s, "【"); i > 0 {
		s = s[:i]
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '*' || r == '＊' {
			return -1
		}
		return r
	}, s)
}

func rowBlank(row []Cell) bool {
	for _, c := range row {
		if !c.IsBlank() {
			return false
		}
	}
	return true
}
