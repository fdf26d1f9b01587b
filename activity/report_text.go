package activity

import (
	"io"
	"strings"
)

// WriteText prints the report as readable text, laid out like the
// organisation's filed report: each program with its 内容, 日時, 場所,
// 従事者人員, 受益対象者 and 支出額.
func (r *Report) WriteText(w io.Writer) error {
	l := r.Language
	var b strings.Builder
	b.WriteString(r.Title() + "\n" + r.PeriodText() + "\n")
	if r.Organization != "" {
		b.WriteString(r.Organization + "\n")
	}
	label := func(ja, en string) string {
		return "・" + Text{Ja: ja, En: en}.In(l) + Text{Ja: "：", En: ": "}.In(l)
	}
	for _, k := range r.Kinds {
		b.WriteString("\n■ " + kindTitle(k.Kind).In(l) + "\n")
		for _, p := range r.Programs {
			if p.Kind != k.Kind {
				continue
			}
			indent := strings.Repeat("  ", p.Level-1)
			b.WriteString(indent + Ordinal(p) + " " + p.Name)
			if p.Level == 1 || p.HasChildren {
				b.WriteString(Text{Ja: "（支出額：", En: " (expense: "}.In(l) + r.Money(p.ExpenseYen, p.ExpenseSen) + Text{Ja: "）", En: ")"}.In(l) + "\n")
				if p.Level > 1 && p.Description != "" {
					b.WriteString(indent + "  " + label("内容", "Description") + oneLine(p.Description) + "\n")
				}
				continue
			}
			b.WriteString("\n")
			in := indent + "  "
			if p.Description != "" {
				b.WriteString(in + label("内容", "Description") + oneLine(p.Description) + "\n")
			}
			b.WriteString(in + label("日時", "Dates") + p.Dates + "\n")
			if p.Performed {
				b.WriteString(in + label("場所", "Places") + joinList(p.Places, l) + "\n")
				b.WriteString(in + label("従事者人員", "Staff") + FormatStaff(p.Staff, l) + "\n")
				b.WriteString(in + label("受益対象者", "Beneficiaries") + FormatBeneficiaries(p.Beneficiaries, l) + "\n")
			}
			b.WriteString(in + label("支出額", "Expense") + r.Money(p.ExpenseYen, p.ExpenseSen) + "\n")
		}
		b.WriteString(kindTitle(k.Kind).In(l) + Text{Ja: " 計：", En: " total: "}.In(l) + r.Money(k.ExpenseYen, k.ExpenseSen) + "\n")
	}
	var totalSen int64
	for _, k := range r.Kinds {
		totalSen += k.ExpenseSen
	}
	b.WriteString("\n" + Text{Ja: "合計：", En: "Total: "}.In(l) + r.Money(r.TotalExpenseYen, totalSen) + "\n")
	b.WriteString(r.ReconciliationText() + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// oneLine folds a multi-line description onto one line for the terminal.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}
