package activity

import (
	"sort"
	"time"
)

// Owed is what one member still owes for the fiscal year: each program
// and closed month with no row of theirs, the same list the missing-entry
// check reports, oldest month first. The 「活動なし」 button logs these and
// the App Home lists them.
func Owed(d *Dataset, fy FiscalYear, now time.Time, loc *time.Location, m *Member) []MissingEntry {
	if m == nil {
		return nil
	}
	var out []MissingEntry
	for _, me := range MissingEntries(d, fy, now, loc) {
		if me.Owner == m || nameKey(me.Owner.Name) == nameKey(m.Name) {
			out = append(out, me)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Month.MonthKey() < out[j].Month.MonthKey() })
	return out
}

// NoActivity is the submission that says nothing happened in a program
// in a month: 状態 活動なし, the month as members write it (2022年9月).
func NoActivity(me MissingEntry, m *Member) Submission {
	return Submission{Member: m, Fields: map[string]string{
		"date":    jaDate(me.Month, true),
		"program": me.Program.Code,
		"status":  "活動なし",
	}}
}

// Completed are the months a member owed before a new row and owes no
// longer after it, for the line 「これで2022年9月分はそろいました」.
func Completed(before, after []MissingEntry) []Date {
	left := map[int]bool{}
	for _, me := range after {
		left[me.Month.MonthKey()] = true
	}
	seen := map[int]bool{}
	var out []Date
	for _, me := range before {
		k := me.Month.MonthKey()
		if !left[k] && !seen[k] {
			seen[k] = true
			out = append(out, Date{Year: me.Month.Year, Month: me.Month.Month})
		}
	}
	return out
}

// WithEntry is the dataset with one more entry at the end of the log, as
// it will be once a submission is appended.
func (d *Dataset) WithEntry(e Entry) *Dataset {
	d2 := *d
	d2.Entries = append(append(make([]Entry, 0, len(d.Entries)+1), d.Entries...), e)
	return &d2
}
