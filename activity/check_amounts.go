package activity

import (
	"sort"
	"strconv"
)

// unitFactor is how far out of line an amount must be to be suspected of a
// unit mistake (千円 written where 円 was meant is 1,000×).
const unitFactor = 100

// medianFactor is how far above its program's usual amount (the median of
// its rows) one row must be to be suspected of a unit mistake when the
// program's accounts do not show it: SPEC §3's 1,000×.
const medianFactor = 1000

// checkAmounts reconciles the money: amounts far out of line with their
// program, the log's totals against 決算額 once the year has closed
// (during the year the log is partial, and 決算額 still holds last
// year's accounts), parents' 決算額 against their children's, and totals
// over budget.
func checkAmounts(d *Dataset, fy FiscalYear, lines map[string]*ProgramReport, closed bool, fs []Finding) []Finding {
	// The usual amount of each program: the median of its positive amounts
	// typed in yen (rows typed in 千円 or 万円 are the suspects).
	amounts := map[*Program][]int64{}
	for i := range d.Entries {
		e := &d.Entries[i]
		if e.Program != nil && e.HasExpense && e.Expense.Yen > 0 && fy.Contains(e.Date) && !bigUnit(e.Expense.Unit) {
			amounts[e.Program] = append(amounts[e.Program], e.Expense.Yen)
		}
	}
	medians := make(map[*Program]int64, len(amounts))
	for p, xs := range amounts {
		if len(xs) >= 4 {
			sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })
			medians[p] = xs[len(xs)/2]
		}
	}
	for i := range d.Entries {
		e := &d.Entries[i]
		p := e.Program
		if p == nil || !e.HasExpense || e.Expense.Yen <= 0 || !fy.Contains(e.Date) {
			continue
		}
		// The yardstick: the accounts, else the budget, else the usual
		// amount. A program's total can hide one row's slip (9,800千円 for
		// 9,800円 among many small rows stays under 100× the 決算額), so a
		// row 1,000× the usual amount is suspect whatever the accounts say.
		usual := Text{Ja: "いつもの支出額（中央値）", En: "usual expense (median)"}
		var ref int64
		var basis Text
		switch {
		case p.HasSettled && p.Settled > 0:
			ref, basis = p.Settled, Text{Ja: "決算額", En: "settled amount"}
		case p.HasBudget && p.Budget > 0:
			ref, basis = p.Budget, Text{Ja: "予算額", En: "budget"}
		default:
			ref, basis = medians[p], usual
		}
		if ref <= 0 || e.Expense.Yen < unitFactor*ref {
			m := medians[p]
			if m <= 0 || e.Expense.Yen < medianFactor*m {
				continue
			}
			ref, basis = m, usual
		}
		typed := ""
		if bigUnit(e.Expense.Unit) {
			typed = "（" + e.Expense.Unit + "で記入）"
		}
		fs = append(fs, Finding{Code: CodeUnitSuspect, Severity: SeverityWarning, Ref: d.Log.Ref(e.Row, "expense"), Member: e.Member, Row: e.Row,
			Message: Text{
				Ja: "支出額 " + FormatYen(e.Expense.Yen, Japanese) + typed + " は事業 " + p.Code + " の" + basis.Ja + " " + FormatYen(ref, Japanese) + " の " + groupDigits(e.Expense.Yen/ref) + " 倍です。千円と円を取り違えていませんか",
				En: "expense " + FormatYen(e.Expense.Yen, English) + " is " + groupDigits(e.Expense.Yen/ref) + " times the " + basis.En + " of program " + p.Code + " (" + FormatYen(ref, English) + "); 千円 (thousand yen) written where 円 was meant?",
			}})
	}

	pt := d.ProgramTab
	for _, p := range d.Catalog.Programs {
		line := lines[p.Code]
		childSettled, childHas := settledTotal(p.Children)
		switch {
		case p.HasSettled && childHas && childSettled != p.Settled:
			fs = append(fs, Finding{Code: CodeSubtotalMismatch, Severity: SeverityError, Ref: pt.Ref(p.Row, "settled"), Row: -1,
				Message: Text{
					Ja: "事業 " + p.Code + "「" + quote(p.Name) + "」の決算額 " + FormatYen(p.Settled, Japanese) + " が内訳の決算額の合計 " + FormatYen(childSettled, Japanese) + " と一致しません（差額 " + FormatYen(p.Settled-childSettled, Japanese) + "）",
					En: "program " + p.Code + " settled amount " + FormatYen(p.Settled, English) + " differs from the sum of its parts " + FormatYen(childSettled, English) + " (difference " + FormatYen(p.Settled-childSettled, English) + ")",
				}})
		case closed && p.HasSettled && !childHas && line.ExpenseYen != p.Settled:
			hint := Text{}
			if p.Settled != 0 && line.ExpenseYen == p.Settled*1000 || line.ExpenseYen != 0 && p.Settled == line.ExpenseYen*1000 {
				hint = Text{Ja: "ちょうど1,000倍の差なので、千円と円の取り違えと思われます。", En: " Exactly 1,000 times: 千円 and 円 mixed up?"}
			}
			fs = append(fs, Finding{Code: CodeSettledMismatch, Severity: SeverityError, Ref: pt.Ref(p.Row, "settled"), Row: -1,
				Message: Text{
					Ja: "事業 " + p.Code + "「" + quote(p.Name) + "」の活動ログの支出合計 " + FormatYen(line.ExpenseYen, Japanese) + " が決算額 " + FormatYen(p.Settled, Japanese) + " と一致しません（差額 " + FormatYen(line.ExpenseYen-p.Settled, Japanese) + "）。" + hint.Ja,
					En: "program " + p.Code + ": the log's total " + FormatYen(line.ExpenseYen, English) + " differs from the settled amount " + FormatYen(p.Settled, English) + " (difference " + FormatYen(line.ExpenseYen-p.Settled, English) + ")." + hint.En,
				}})
		}
		if p.HasSettled && p.HasBudget && p.Budget > 0 && p.Settled >= unitFactor*p.Budget {
			fs = append(fs, Finding{Code: CodeUnitSuspect, Severity: SeverityWarning, Ref: pt.Ref(p.Row, "settled"), Row: -1,
				Message: Text{
					Ja: "事業 " + p.Code + " の決算額 " + FormatYen(p.Settled, Japanese) + " は予算額 " + FormatYen(p.Budget, Japanese) + " の " + strconv.FormatInt(p.Settled/p.Budget, 10) + " 倍です。千円と円を取り違えていませんか",
					En: "program " + p.Code + " settled amount " + FormatYen(p.Settled, English) + " is " + strconv.FormatInt(p.Settled/p.Budget, 10) + " times its budget " + FormatYen(p.Budget, English) + "; 千円 and 円 mixed up?",
				}})
		}
		if p.HasBudget && line.ExpenseYen > p.Budget {
			fs = append(fs, Finding{Code: CodeOverBudget, Severity: SeverityWarning, Ref: pt.Ref(p.Row, "budget"), Row: -1,
				Message: Text{
					Ja: "事業 " + p.Code + "「" + quote(p.Name) + "」の支出合計 " + FormatYen(line.ExpenseYen, Japanese) + " が予算額 " + FormatYen(p.Budget, Japanese) + " を " + FormatYen(line.ExpenseYen-p.Budget, Japanese) + " 超えています",
					En: "program " + p.Code + " spent " + FormatYen(line.ExpenseYen, English) + ", " + FormatYen(line.ExpenseYen-p.Budget, English) + " over its budget of " + FormatYen(p.Budget, English),
				}})
		}
	}
	return fs
}

func bigUnit(u string) bool { return u == "千円" || u == "万円" }
