package activity

import "fmt"

// tally accumulates what the log says about one program during the year.
type tally struct {
	days       map[Date]struct{}
	months     map[Date]struct{} // rows logged for a whole month
	monthBits  uint16            // months of the fiscal year with a done row
	places     orderedSet
	names      map[string]struct{} // staff as written; keyed (nameKey) only when counted
	staffMax   int                 // the most people on one row
	helpers    int                 // the most unnamed helpers on a row that names people too (山田、他ボランティア3名)
	staffSum   int                 // 延べ
	ben        []*benTally
	benIndex   map[[2]string]*benTally
	expense    int64
	rows, done int
	cancelled  int
	postponed  int // of the cancelled, those postponed (延期)
}

type benTally struct {
	label, unit string
	unnamed     int
	named       map[string]int
	approx      bool
}

type orderedSet struct {
	seen  map[string]struct{}
	items []string
}

// add keeps v unless an item that folds to the same text (see Fold) is
// there already: items keep the first spelling seen.
func (s *orderedSet) add(v string) {
	if s.seen == nil {
		s.seen = map[string]struct{}{}
	}
	k := Fold(v)
	if _, ok := s.seen[k]; ok {
		return
	}
	s.seen[k] = struct{}{}
	s.items = append(s.items, v)
}

func newTally() *tally {
	return &tally{days: map[Date]struct{}{}, months: map[Date]struct{}{}, names: map[string]struct{}{}, benIndex: map[[2]string]*benTally{}}
}

func (t *tally) benFor(label, unit string) *benTally {
	k := [2]string{label, unit}
	b := t.benIndex[k]
	if b == nil {
		b = &benTally{label: label, unit: unit, named: map[string]int{}}
		t.benIndex[k] = b
		t.ben = append(t.ben, b)
	}
	return b
}

// addEntry counts one row of the year.
func (t *tally) addEntry(e *Entry, fy FiscalYear) {
	t.rows++
	if e.HasExpense {
		t.expense += e.Expense.Yen
	}
	switch e.Status {
	case StatusCancelled:
		t.cancelled++
		if e.Postponed {
			t.postponed++
		}
		return
	case StatusNoActivity:
		return
	}
	t.done++
	t.monthBits |= 1 << uint(e.Date.MonthKey()-fy.Start().MonthKey())
	if e.Date.IsMonth() {
		t.months[e.Date] = struct{}{}
	} else {
		t.days[e.Date] = struct{}{}
	}
	for _, p := range e.Places {
		t.places.add(p)
	}
	for _, n := range e.Staff.Names {
		t.names[n] = struct{}{}
	}
	people := len(e.Staff.Names) + e.Staff.Extra
	t.staffSum += people
	t.staffMax = max(t.staffMax, people)
	if len(e.Staff.Names) > 0 {
		t.helpers = max(t.helpers, e.Staff.Extra)
	}
	// 受益先: a named organisation counts once per program and year.
	names := e.BeneficiaryNames
	for _, b := range e.Beneficiaries {
		bt := t.benFor(b.Label, b.Unit)
		bt.approx = bt.approx || b.Approx
		switch {
		case len(names) == 1:
			bt.named[names[0]] = max(bt.named[names[0]], b.Count)
		case len(names) > 1 && len(e.Beneficiaries) == 1 && b.Count == len(names):
			for _, n := range names {
				bt.named[n] = max(bt.named[n], 1)
			}
		default:
			bt.unnamed += b.Count
		}
	}
}

// merge adds a child's tally into its parent's.
func (t *tally) merge(c *tally) {
	t.rows += c.rows
	t.done += c.done
	t.cancelled += c.cancelled
	t.postponed += c.postponed
	t.expense += c.expense
	t.monthBits |= c.monthBits
	for d := range c.days {
		t.days[d] = struct{}{}
	}
	for d := range c.months {
		t.months[d] = struct{}{}
	}
	for _, p := range c.places.items {
		t.places.add(p)
	}
	for n := range c.names {
		t.names[n] = struct{}{}
	}
	t.staffMax = max(t.staffMax, c.staffMax)
	t.helpers = max(t.helpers, c.helpers)
	t.staffSum += c.staffSum
	for _, cb := range c.ben {
		b := t.benFor(cb.label, cb.unit)
		b.unnamed += cb.unnamed
		b.approx = b.approx || cb.approx
		for n, k := range cb.named {
			b.named[n] = max(b.named[n], k)
		}
	}
}

// staff is the 従事者の人数: with total, 延べ (the sum of the rows);
// otherwise 実人員, each person once — the different people named across
// the year, plus the unnamed helpers written beside names (they are
// nobody the names count, so the most on one row is added), and never
// less than the most people on one row (a row that gives only a number).
func (t *tally) staff(total bool) int {
	if total {
		return t.staffSum
	}
	return max(t.people()+t.helpers, t.staffMax)
}

// people is how many different people the rows name as staff: spellings
// of one name (森 恵子, 森恵子, ＭＯＲＩ) count once. Spellings are few, so
// they are keyed here rather than once a row.
func (t *tally) people() int {
	keys := make(map[string]struct{}, len(t.names))
	for n := range t.names {
		keys[nameKey(n)] = struct{}{}
	}
	return len(keys)
}

func (t *tally) beneficiaries() []BeneficiaryCount {
	out := make([]BeneficiaryCount, 0, len(t.ben))
	for _, b := range t.ben {
		n := b.unnamed
		for _, k := range b.named {
			n += k
		}
		typ := b.label
		if typ == "" {
			typ = b.unit
		}
		out = append(out, BeneficiaryCount{Type: typ, Label: b.label, Unit: b.unit, Count: n, Approx: b.approx})
	}
	return out
}

// Compile builds the report for fiscal year fy from the dataset. Rows
// outside the year are left out (the checks report them); rows that could
// not be read are counted as unread.
func Compile(d *Dataset, fy FiscalYear, opt Options) *Report {
	lang := opt.Language
	if lang == "" {
		lang = Japanese
	}
	start, end := fy.Start(), fy.End()
	r := &Report{
		Organization: opt.Organization,
		FiscalYear:   fy.Year,
		Period:       Period{Start: isoDate(start), End: isoDate(end)},
		Language:     lang,
		Unit:         "yen",
		StaffBasis:   "distinct",
	}
	if opt.Sen {
		r.Unit = "sen"
	}
	if opt.StaffTotal {
		r.StaffBasis = "total"
	}
	tallies := make(map[*Program]*tally, len(d.Catalog.Programs))
	for _, p := range d.Catalog.Programs {
		tallies[p] = newTally()
	}
	for i := range d.Entries {
		e := &d.Entries[i]
		if e.Unread || e.Program == nil {
			if e.Date.IsZero() || fy.Contains(e.Date) {
				r.UnreadRows++
			}
			continue
		}
		if !fy.Contains(e.Date) {
			continue
		}
		tallies[e.Program].addEntry(e, fy)
	}
	// Each kind's total counts every program's own rows once, whatever
	// kind its parent has.
	kindTotals := map[Kind]int64{}
	var kinds []Kind
	for _, p := range d.Catalog.Programs {
		if _, ok := kindTotals[p.Kind]; !ok {
			kinds = append(kinds, p.Kind)
		}
		kindTotals[p.Kind] += tallies[p].expense
		r.TotalExpenseYen += tallies[p].expense
	}
	// Children into parents, deepest first (Programs is in tree order).
	for i := len(d.Catalog.Programs) - 1; i >= 0; i-- {
		p := d.Catalog.Programs[i]
		if p.Parent != nil {
			tallies[p.Parent].merge(tallies[p])
		}
	}
	for _, p := range d.Catalog.Programs {
		t := tallies[p]
		pr := ProgramReport{
			Code: p.Code, Name: p.Name, Level: p.Level(), Kind: p.Kind, Description: p.Description,
			Places: t.places.items, Staff: t.staff(opt.StaffTotal), Beneficiaries: t.beneficiaries(),
			ExpenseYen: t.expense, Performed: t.done > 0, Cancelled: t.done == 0 && t.cancelled > 0,
			Postponed:   t.done == 0 && t.cancelled > 0 && t.postponed == t.cancelled,
			HasChildren: len(p.Children) > 0, Rows: t.rows,
		}
		if pr.Places == nil {
			pr.Places = []string{}
		}
		if p.Parent != nil {
			pr.Parent = p.Parent.Code
		}
		if p.HasBudget {
			pr.BudgetYen = ptr(p.Budget)
		}
		if p.HasSettled {
			pr.SettledYen = ptr(p.Settled)
		}
		switch {
		case pr.Performed && monthCount(t.monthBits) >= 6:
			pr.Dates = Text{Ja: "通年", En: "throughout the year"}.In(lang)
		case pr.Performed:
			pr.Dates = formatDates(t.days, t.months, lang)
		case pr.Postponed:
			pr.Dates = Text{Ja: "延期", En: "postponed"}.In(lang)
		case pr.Cancelled:
			pr.Dates = Text{Ja: "中止", En: "cancelled"}.In(lang)
		default:
			pr.Dates = Text{Ja: "実施しなかった", En: "not carried out"}.In(lang)
		}
		r.Programs = append(r.Programs, pr)
	}
	for _, k := range kinds {
		r.Kinds = append(r.Kinds, KindTotal{Kind: k, ExpenseYen: kindTotals[k]})
	}
	if s, ok := settledTotal(d.Catalog.Roots); ok {
		r.SettledTotalYen = ptr(s)
		r.DifferenceYen = ptr(r.TotalExpenseYen - s)
	}
	if opt.Sen {
		roundSen(r, d.Catalog)
	}
	return r
}

// settledTotal is the accounts' total: for each line the sum of its
// children's 決算額 where they give one, else its own.
func settledTotal(ps []*Program) (int64, bool) {
	return treeTotal(ps, func(p *Program) (int64, bool) { return p.Settled, p.HasSettled })
}

// treeTotal sums an amount over a tree without counting a line twice: a
// line's children replace it where any of them gives the amount.
func treeTotal(ps []*Program, amount func(*Program) (int64, bool)) (int64, bool) {
	var sum int64
	var any bool
	for _, p := range ps {
		if s, ok := treeTotal(p.Children, amount); ok {
			sum, any = sum+s, true
		} else if v, ok := amount(p); ok {
			sum, any = sum+v, true
		}
	}
	return sum, any
}

func monthCount(bits uint16) int {
	n := 0
	for ; bits != 0; bits &= bits - 1 {
		n++
	}
	return n
}

func ptr[T any](v T) *T { return &v }

func isoDate(d Date) string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }
