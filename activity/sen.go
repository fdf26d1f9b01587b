package activity

import "sort"

// roundSen fills ExpenseSen on every line so that the report printed in
// 千円 adds up: the grand total is rounded half up, and each total is
// shared among its lines by the largest-remainder method, down the tree.
func roundSen(r *Report, cat *Catalog) {
	index := make(map[string]int, len(r.Programs))
	for i, p := range r.Programs {
		index[p.Code] = i
	}
	kindYen := make([]int64, len(r.Kinds))
	for i, k := range r.Kinds {
		kindYen[i] = k.ExpenseYen
	}
	kindSen := shareSen(roundHalfUpSen(r.TotalExpenseYen), kindYen)
	for i := range r.Kinds {
		r.Kinds[i].ExpenseSen = kindSen[i]
		var roots []*Program
		var yen []int64
		for _, p := range cat.Roots {
			if p.Kind == r.Kinds[i].Kind {
				roots = append(roots, p)
				yen = append(yen, r.Programs[index[p.Code]].ExpenseYen)
			}
		}
		assignSen(r, index, roots, shareSen(kindSen[i], yen))
	}
}

// assignSen sets the printed amounts of ps and, recursively, of their
// children; a line's own rows are a hidden share of its total.
func assignSen(r *Report, index map[string]int, ps []*Program, sen []int64) {
	for i, p := range ps {
		line := &r.Programs[index[p.Code]]
		line.ExpenseSen = sen[i]
		if len(p.Children) == 0 {
			continue
		}
		yen := make([]int64, 0, len(p.Children)+1)
		own := line.ExpenseYen
		for _, c := range p.Children {
			y := r.Programs[index[c.Code]].ExpenseYen
			yen = append(yen, y)
			own -= y
		}
		yen = append(yen, own)
		shares := shareSen(sen[i], yen)
		assignSen(r, index, p.Children, shares[:len(p.Children)])
	}
}

// shareSen splits total (in 千円) among amounts in yen: each gets its
// amount rounded down, and the units left go to the largest remainders.
func shareSen(total int64, yen []int64) []int64 {
	out := make([]int64, len(yen))
	rem := make([]int, len(yen))
	var sum int64
	for i, y := range yen {
		out[i] = floorDiv(y, 1000)
		sum += out[i]
		rem[i] = i
	}
	left := total - sum
	sort.SliceStable(rem, func(a, b int) bool {
		return yen[rem[a]]-out[rem[a]]*1000 > yen[rem[b]]-out[rem[b]]*1000
	})
	for k := 0; left > 0 && len(rem) > 0; k = (k + 1) % len(rem) {
		out[rem[k]]++
		left--
	}
	for k := len(rem) - 1; left < 0 && len(rem) > 0; k = (k - 1 + len(rem)) % len(rem) {
		out[rem[k]]--
		left++
	}
	return out
}

func roundHalfUpSen(yen int64) int64 { return floorDiv(yen+500, 1000) }

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
