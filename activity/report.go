package activity

// Report is the compiled 事業報告書 for one fiscal year: every program of
// the catalogue with what the log says about it, the totals, and the line
// that reconciles the log with the accounts (決算額). It holds no member's
// name: it is published as filed.
type Report struct {
	Organization string `json:"organization,omitempty"`
	FiscalYear   int    `json:"fiscal_year"`
	Period       Period `json:"period"`
	Language     Lang   `json:"language"`
	// Unit is how the printed report shows money: "yen" or "sen" (千円).
	Unit     string          `json:"unit"`
	Programs []ProgramReport `json:"programs"`
	Kinds    []KindTotal     `json:"kinds"`
	// TotalExpenseYen is the log's total for the year, in yen.
	TotalExpenseYen int64 `json:"total_expense_yen"`
	// SettledTotalYen is the sum of the catalogue's 決算額 (nil when none is given).
	SettledTotalYen *int64 `json:"settled_total_yen"`
	// DifferenceYen is TotalExpenseYen − SettledTotalYen.
	DifferenceYen *int64 `json:"difference_yen"`
	// UnreadRows counts log rows of the year left out of the sums because
	// their date, amount or program could not be read.
	UnreadRows int `json:"unread_rows"`
	// StaffBasis is "distinct" (実人員) or "total" (延べ人数).
	StaffBasis string `json:"staff_basis"`
}

// Period is the fiscal year's first and last day, as YYYY-MM-DD.
type Period struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// ProgramReport is one line of the report: a category, a program or a
// sub-item. For a line with children the figures cover its whole subtree.
type ProgramReport struct {
	Code          string             `json:"code"`
	Name          string             `json:"name"`
	Level         int                `json:"level"`
	Parent        string             `json:"parent,omitempty"`
	Kind          Kind               `json:"kind"`
	Description   string             `json:"description"`
	Dates         string             `json:"dates"`
	Places        []string           `json:"places"`
	Staff         int                `json:"staff"`
	Beneficiaries []BeneficiaryCount `json:"beneficiaries"`
	ExpenseYen    int64              `json:"expense_yen"`
	// Cancelled is set when every row of the year was cancelled (中止) or
	// postponed (延期): nothing was done.
	Cancelled bool `json:"cancelled"`
	// Postponed is set when every such row was postponed: the report says
	// 延期 rather than 中止.
	Postponed bool `json:"postponed,omitempty"`
	// Performed is false when no row of the year was done: 実施しなかった.
	Performed   bool   `json:"performed"`
	HasChildren bool   `json:"has_children"`
	BudgetYen   *int64 `json:"budget_yen"`
	SettledYen  *int64 `json:"settled_yen"`
	// Rows is the number of log rows of the year counted for this line.
	Rows int `json:"rows"`
	// ExpenseSen is the amount printed in 千円, rounded so that printed
	// lines add up to their printed totals (Unit "sen" only).
	ExpenseSen int64 `json:"expense_sen,omitempty"`
}

// BeneficiaryCount is how many of one kind of beneficiary a program served:
// Type is what they are (中小企業, 個人, 団体), Unit the counter (社, 名).
type BeneficiaryCount struct {
	Type   string `json:"type"`
	Label  string `json:"label,omitempty"`
	Unit   string `json:"unit"`
	Count  int    `json:"count"`
	Approx bool   `json:"approx"`
}

// KindTotal is the total of one part of the report (特定非営利活動 / その他).
type KindTotal struct {
	Kind       Kind  `json:"kind"`
	ExpenseYen int64 `json:"expense_yen"`
	ExpenseSen int64 `json:"expense_sen,omitempty"`
}

// Options are the organisation's choices for the report.
type Options struct {
	Organization string
	Language     Lang
	// Sen prints money in 千円 (the official template's unit).
	Sen bool
	// StaffTotal counts 延べ人数 (the sum of each row's people) instead of
	// distinct people.
	StaffTotal bool
}
