package activity

// TemplateTab is one tab of the spreadsheet `katsudo init` lays out: its
// header, column widths, the checks the spreadsheet runs as a member
// types, and whether katsudo writes it (then it is protected with a
// warning, so that nobody edits what the next run replaces).
type TemplateTab struct {
	Name    string
	Columns []Column  // the header, in order; nil for a tab katsudo fills
	Widths  []float64 // in characters
	Rules   []Rule
	Written bool
}

// RuleKind is what a Rule checks.
type RuleKind uint8

const (
	// RuleList offers a dropdown of fixed values (状態: 実施, 中止, 活動なし).
	RuleList RuleKind = iota
	// RuleColumn offers a dropdown of the values of another tab's column
	// (事業 from the programs tab's コード, 記入者 from the members' 氏名).
	RuleColumn
	// RuleDate expects a date.
	RuleDate
	// RuleAmount expects a number of yen, zero or more.
	RuleAmount
	// RuleHint shows Help when the cell is selected and accepts whatever
	// is typed: for columns where katsudo reads more than a spreadsheet
	// check can express (和暦, 「2021年11月」, 千円, 約), so that the check
	// never warns about what the hint invites. katsudo's own findings
	// explain, with the cell, what it cannot read.
	RuleHint
)

// Rule is a check on one column. Every rule only warns: katsudo reads
// more than a dropdown offers (和暦 dates, "約120名", code or name), and
// its findings explain what it cannot read.
type Rule struct {
	Column string // the column's Key in activity's column lists
	Kind   RuleKind
	List   []string // RuleList
	// RuleColumn: the other tab and the Key of its column.
	Tab, Source string
	Help        string // shown when the cell is selected
}

// Template is the spreadsheet `katsudo init` creates, with the tab names
// the organisation configured: the three tabs members write, then the
// three katsudo writes.
func Template(t Tabs) []TemplateTab {
	return []TemplateTab{
		{Name: t.Log, Columns: LogColumns, Widths: []float64{12, 10, 40, 16, 16, 22, 16, 12, 10, 10, 24}, Rules: []Rule{
			{Column: "date", Kind: RuleHint, Help: "例: 2021/11/14、令和3年11月14日、R3.11.14。毎月の活動は「2021年11月」"},
			{Column: "program", Kind: RuleColumn, Tab: t.Programs, Source: "code", Help: "「" + t.Programs + "」タブのコード（1-1）または事業名"},
			{Column: "expense", Kind: RuleHint, Help: "円。例: 628,644、¥1,000、69,963千円、3.5万円（「約」付きの見込みは注意になります）"},
			{Column: "status", Kind: RuleList, List: []string{"実施", "中止", "活動なし"}, Help: "空欄は実施"},
			{Column: "member", Kind: RuleColumn, Tab: t.Members, Source: "name", Help: "「" + t.Members + "」タブの氏名"},
		}},
		{Name: t.Programs, Columns: ProgramColumns, Widths: []float64{8, 30, 14, 40, 16, 8, 12, 12}, Rules: []Rule{
			{Column: "kind", Kind: RuleList, List: []string{"特定非営利活動", "その他"}, Help: "空欄は特定非営利活動"},
			{Column: "cadence", Kind: RuleList, List: []string{"毎月", "随時", "行事"}},
			{Column: "budget", Kind: RuleAmount, Help: "予算額（円）"},
			{Column: "settled", Kind: RuleAmount, Help: "活動計算書の事業費（円）"},
		}},
		{Name: t.Members, Columns: MemberColumns, Widths: []float64{14, 28, 8}, Rules: []Rule{
			{Column: "active", Kind: RuleList, List: []string{"在籍", "休会", "退会"}, Help: "空欄は在籍"},
		}},
		{Name: t.Report, Written: true},
		{Name: t.Findings, Written: true},
		{Name: t.Sent, Columns: SentColumns, Widths: []float64{26, 12, 10, 16, 14, 18, 48}, Written: true},
	}
}

// HeaderSheet is the tab as a Sheet holding its header row only.
func (t TemplateTab) HeaderSheet() Sheet {
	s := Sheet{Name: t.Name, Widths: t.Widths}
	if len(t.Columns) > 0 {
		row := make([]Value, len(t.Columns))
		for i, c := range t.Columns {
			row[i] = Str(c.Ja, Bold)
		}
		s.Rows, s.FrozenRows = [][]Value{row}, 1
	}
	return s
}
