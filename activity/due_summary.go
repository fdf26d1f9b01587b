package activity

import "time"

// Summary is the channel's monthly summary of a closed month: what each
// program did (activities, people, beneficiaries, expense), the year's
// spending so far against the budget, and how many findings are open,
// with the worst few.
type Summary struct {
	Month      Date
	FiscalYear FiscalYear
	Programs   []MonthProgram
	// Done and Cancelled count the month's rows, Postponed those of the
	// cancelled that say 延期; Unread those left out because their amount
	// or program could not be read.
	Done, Cancelled, Unread int
	Postponed               int
	ExpenseYen              int64
	// YearExpenseYen is the fiscal year's spending from its first month
	// to Month; YearBudgetYen the sum of the budgets (HasBudget when any
	// program has one).
	YearExpenseYen int64
	YearBudgetYen  int64
	HasBudget      bool
	OverBudget     []BudgetLine
	Errors         int
	Warnings       int
	// Worst are the most serious open findings, at most SummaryWorst.
	Worst []Finding
}

// SummaryWorst is how many findings the summary and the filing reminder
// show; the チェック tab has the rest.
const SummaryWorst = 3

// MonthProgram is what one program did in the month, from its own rows.
type MonthProgram struct {
	Program         *Program
	Done, Cancelled int
	Postponed       int // of Cancelled, 延期
	Staff           int
	Beneficiaries   []BeneficiaryCount
	ExpenseYen      int64
}

// BudgetLine is a program whose spending so far exceeds its budget.
type BudgetLine struct {
	Program               *Program
	ExpenseYen, BudgetYen int64
}

// dueSummaries gives the summary of the month just closed and, when the
// record shows katsudo missed earlier ones, those after the last one it
// sent (at most three, oldest first). A summary is due from the first
// moment of the next month, any day of the week.
func dueSummaries(d *Dataset, sent *SentLog, now time.Time, today Date, o DueOptions) []Message {
	last := addMonths(Date{Year: today.Year, Month: today.Month}, -1)
	months := []Date{last}
	switch {
	case !o.Month.IsZero():
		months = []Date{o.Month}
	default:
		if p, ok := sent.LatestPeriod(MessageSummary); ok {
			if k, err := ParseMonth(p); err == nil && k.MonthKey() < last.MonthKey() {
				months = months[:0]
				for m := addMonths(k, 1); m.MonthKey() <= last.MonthKey(); m = addMonths(m, 1) {
					months = append(months, m)
				}
				months = months[max(0, len(months)-3):]
			}
		}
	}
	var out []Message
	for _, m := range months {
		day := Date{Year: addMonths(m, 1).Year, Month: addMonths(m, 1).Month, Day: 1}
		msg := newMessage(MessageSummary, m.ISO(), Recipient{}, day, today)
		msg.Summary = summarize(d, m, now, o)
		out = append(out, msg)
	}
	return out
}

// Summarize compiles the summary of a month from the log, with the
// findings of its fiscal year as they stand at now.
func Summarize(d *Dataset, month Date, now time.Time, loc *time.Location, startMonth time.Month) *Summary {
	return summarize(d, month, now, DueOptions{Location: loc, FiscalYearStartMonth: startMonth})
}

func summarize(d *Dataset, month Date, now time.Time, o DueOptions) *Summary {
	fy := FiscalYearOf(month.utc(), o.FiscalYearStartMonth)
	s := &Summary{Month: Date{Year: month.Year, Month: month.Month}, FiscalYear: fy}
	tallies := map[*Program]*tally{}
	ytd := map[*Program]int64{}
	for i := range d.Entries {
		e := &d.Entries[i]
		if e.Date.IsZero() || !fy.Contains(e.Date) || e.Date.MonthKey() > month.MonthKey() {
			continue
		}
		inMonth := e.Date.MonthKey() == month.MonthKey()
		if e.Unread || e.Program == nil {
			if inMonth {
				s.Unread++
			}
			continue
		}
		ytd[e.Program] += e.Expense.Yen
		s.YearExpenseYen += e.Expense.Yen
		if !inMonth {
			continue
		}
		if tallies[e.Program] == nil {
			tallies[e.Program] = newTally()
		}
		tallies[e.Program].addEntry(e, fy)
		s.ExpenseYen += e.Expense.Yen
		switch e.Status {
		case StatusDone:
			s.Done++
		case StatusCancelled:
			s.Cancelled++
			if e.Postponed {
				s.Postponed++
			}
		}
	}
	for _, p := range d.Catalog.Programs {
		t := tallies[p]
		if t == nil || t.done+t.cancelled == 0 {
			continue
		}
		s.Programs = append(s.Programs, MonthProgram{
			Program: p, Done: t.done, Cancelled: t.cancelled, Postponed: t.postponed, Staff: t.staff(false),
			Beneficiaries: t.beneficiaries(), ExpenseYen: t.expense,
		})
	}
	s.YearBudgetYen, s.HasBudget = budgetTotal(d.Catalog.Roots)
	for _, p := range d.Catalog.Programs {
		if spent := subtreeSum(p, ytd); p.HasBudget && spent > p.Budget {
			s.OverBudget = append(s.OverBudget, BudgetLine{Program: p, ExpenseYen: spent, BudgetYen: p.Budget})
		}
	}
	fs := o.findings(d, fy, now)
	s.Errors, s.Warnings = Count(fs)
	s.Worst = fs[:min(len(fs), SummaryWorst)]
	return s
}

// budgetTotal is the year's budget: for each line the sum of its
// children's budgets where they give one, else its own.
func budgetTotal(ps []*Program) (int64, bool) {
	return treeTotal(ps, func(p *Program) (int64, bool) { return p.Budget, p.HasBudget })
}

func subtreeSum(p *Program, own map[*Program]int64) int64 {
	n := own[p]
	for _, c := range p.Children {
		n += subtreeSum(c, own)
	}
	return n
}
