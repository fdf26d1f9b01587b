package activity

import "strconv"

// kindTitle is the heading of one part of the official report.
func kindTitle(k Kind) Text {
	if k == KindOther {
		return Text{Ja: "その他の事業", En: "Other activities"}
	}
	return Text{Ja: "特定非営利活動に係る事業", En: "Specified non-profit activities"}
}

// Title is the report's heading: 2021年度 事業報告書.
func (r *Report) Title() string {
	return Text{
		Ja: strconv.Itoa(r.FiscalYear) + "年度 事業報告書",
		En: "Business report for fiscal year " + strconv.Itoa(r.FiscalYear),
	}.In(r.Language)
}

// PeriodText is 2021年4月1日から2022年3月31日まで.
func (r *Report) PeriodText() string {
	s, _ := parseISO(r.Period.Start)
	e, _ := parseISO(r.Period.End)
	return Text{
		Ja: formatFullDate(s, Japanese) + "から" + formatFullDate(e, Japanese) + "まで",
		En: "From " + formatFullDate(s, English) + " to " + formatFullDate(e, English),
	}.In(r.Language)
}

// Money prints an amount in the report's unit; sen is used for 千円.
func (r *Report) Money(yen, sen int64) string {
	if r.Unit == "sen" {
		return FormatSen(sen, r.Language)
	}
	return FormatYen(yen, r.Language)
}

// ReconciliationText is the line that ties the log to the accounts.
func (r *Report) ReconciliationText() string {
	l := r.Language
	s := Text{Ja: "活動ログの支出合計 ", En: "Log total "}.In(l) + FormatYen(r.TotalExpenseYen, l)
	if r.SettledTotalYen != nil {
		s += Text{Ja: "／決算額合計 ", En: " / settled total "}.In(l) + FormatYen(*r.SettledTotalYen, l)
		if *r.DifferenceYen == 0 {
			s += Text{Ja: "（一致）", En: " (reconciled)"}.In(l)
		} else {
			s += Text{Ja: "／差額 ", En: " / difference "}.In(l) + FormatYen(*r.DifferenceYen, l)
		}
	} else {
		s += Text{Ja: "／決算額の記入なし", En: " / no settled amounts given"}.In(l)
	}
	if r.UnreadRows > 0 {
		rows := " rows"
		if r.UnreadRows == 1 {
			rows = " row"
		}
		s += Text{Ja: "／未集計 " + strconv.Itoa(r.UnreadRows) + "行", En: " / " + strconv.Itoa(r.UnreadRows) + rows + " not counted"}.In(l)
	}
	return s
}

// Sheet lays the report out as the 事業報告書 tab, following the official
// template's table: 事業名 | 事業内容 | 実施日時 | 実施場所 | 従事者の人数 |
// 受益対象者の範囲及び人数 | 支出額.
func (r *Report) Sheet(tab string) Sheet {
	l := r.Language
	money := Yen
	unit := Text{Ja: "支出額（円）", En: "Expense (yen)"}
	if r.Unit == "sen" {
		money, unit = Sen, Text{Ja: "支出額（千円）", En: "Expense (thousand yen)"}
	}
	amount := func(yen, sen int64, st Style) Value {
		if r.Unit == "sen" {
			return Int(sen, money|st)
		}
		return Int(yen, money|st)
	}
	title := r.Title()
	if r.Organization != "" {
		title = r.Organization + "　" + title
	}
	rows := [][]Value{
		{Str(title, Bold)},
		{Str(r.PeriodText(), 0)},
		{},
		{
			Str(Text{Ja: "事業名", En: "Program"}.In(l), Bold), Str(Text{Ja: "事業内容", En: "Description"}.In(l), Bold),
			Str(Text{Ja: "実施日時", En: "Dates"}.In(l), Bold), Str(Text{Ja: "実施場所", En: "Places"}.In(l), Bold),
			Str(Text{Ja: "従事者の人数", En: "Staff"}.In(l), Bold), Str(Text{Ja: "受益対象者の範囲及び人数", En: "Beneficiaries"}.In(l), Bold),
			Str(unit.In(l), Bold),
		},
	}
	var headings []int
	for _, k := range r.Kinds {
		headings = append(headings, len(rows))
		rows = append(rows, []Value{Str(kindTitle(k.Kind).In(l), Bold)})
		for _, p := range r.Programs {
			if p.Kind != k.Kind {
				continue
			}
			name := Str(Ordinal(p)+" "+p.Name, Wrap)
			switch {
			case p.Level == 1:
				headings = append(headings, len(rows))
				rows = append(rows, []Value{Str(Ordinal(p)+" "+p.Name, Bold|Wrap), Str(p.Description, Wrap), {}, {}, {}, {}, amount(p.ExpenseYen, p.ExpenseSen, Bold)})
			case p.HasChildren:
				rows = append(rows, []Value{name, Str(p.Description, Wrap), Str(Text{Ja: "（以下内訳）", En: "(see below)"}.In(l), 0), {}, {}, {}, amount(p.ExpenseYen, p.ExpenseSen, Bold)})
			case !p.Performed:
				rows = append(rows, []Value{name, Str(p.Description, Wrap), Str(p.Dates, 0), {}, {}, {}, amount(p.ExpenseYen, p.ExpenseSen, 0)})
			default:
				rows = append(rows, []Value{
					name, Str(p.Description, Wrap), Str(p.Dates, Wrap), Str(joinList(p.Places, l), Wrap),
					Str(FormatStaff(p.Staff, l), 0), Str(FormatBeneficiaries(p.Beneficiaries, l), Wrap),
					amount(p.ExpenseYen, p.ExpenseSen, 0),
				})
			}
		}
		rows = append(rows, []Value{Str(kindTitle(k.Kind).In(l)+Text{Ja: " 計", En: " total"}.In(l), Bold), {}, {}, {}, {}, {}, amount(k.ExpenseYen, k.ExpenseSen, Bold)})
	}
	var totalSen int64
	for _, k := range r.Kinds {
		totalSen += k.ExpenseSen
	}
	rows = append(rows,
		[]Value{Str(Text{Ja: "合計", En: "Total"}.In(l), Bold), {}, {}, {}, {}, {}, amount(r.TotalExpenseYen, totalSen, Bold)},
	)
	// The table is ruled like the official form, every cell of it. The
	// reconciliation with the accounts is internal: it is on the findings
	// tab (FindingsSheet), not on the page filed.
	for i := headerRow; i < len(rows); i++ {
		row := make([]Value, columns)
		copy(row, rows[i])
		for c := range row {
			row[c].Style |= Ruled
		}
		rows[i] = row
	}
	return Sheet{Name: tab, Rows: rows, Widths: []float64{34, 48, 22, 24, 12, 30, 16}, FrozenRows: 4, Lang: l,
		Print: &PrintLayout{Landscape: true, HeaderFrom: headerRow, HeaderTo: headerRow, KeepLast: 2, KeepWithNext: headings}}
}

// headerRow is the report tab's table header (事業名 | 事業内容 | …), below
// the title, the period and a blank row; columns is the table's width.
const (
	headerRow = 3
	columns   = 7
)

func joinList(xs []string, l Lang) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += Text{Ja: "、", En: ", "}.In(l)
		}
		s += x
	}
	return s
}

func parseISO(s string) (Date, bool) {
	if len(s) != 10 {
		return Date{}, false
	}
	y, e1 := strconv.Atoi(s[:4])
	m, e2 := strconv.Atoi(s[5:7])
	d, e3 := strconv.Atoi(s[8:])
	return Date{Year: y, Month: monthOf(m - 1).Month, Day: d}, e1 == nil && e2 == nil && e3 == nil
}
