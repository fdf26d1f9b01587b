package activity

import "time"

// ClosedMonths are the months of the fiscal year that have ended by now,
// in loc, oldest first.
func ClosedMonths(fy FiscalYear, now time.Time, loc *time.Location) []Date {
	var out []Date
	for _, m := range fy.Months() {
		if !time.Date(m.Year, m.Month+1, 1, 0, 0, 0, 0, loc).After(now) {
			out = append(out, m)
		}
	}
	return out
}

// MissingEntry is a month for which an owner of a 毎月 program has logged
// nothing, not even 活動なし.
type MissingEntry struct {
	Program *Program
	Owner   *Member
	Month   Date
}

// MissingEntries lists, for every active owner of every 毎月 program, the
// closed months of the year with no row of theirs — written by them or
// naming them as staff — for that program (or one of its sub-items).
func MissingEntries(d *Dataset, fy FiscalYear, now time.Time, loc *time.Location) []MissingEntry {
	closed := ClosedMonths(fy, now, loc)
	if len(closed) == 0 {
		return nil
	}
	// Names are numbered by their key (nameKey) once per spelling, so a
	// million rows cost a lookup each rather than a key built each.
	type key struct {
		program *Program
		member  int
		month   int
	}
	ids, byKey := map[string]int{}, map[string]int{}
	id := func(name string) int {
		if n, ok := ids[name]; ok {
			return n
		}
		k := nameKey(name)
		n, ok := byKey[k]
		if !ok {
			n = len(byKey)
			byKey[k] = n
		}
		ids[name] = n
		return n
	}
	logged := map[key]bool{}
	for i := range d.Entries {
		e := &d.Entries[i]
		if e.Program == nil || e.Date.IsZero() {
			continue
		}
		// The member who wrote the row and everyone named as staff on it
		// have logged the month.
		for i := -1; i < len(e.Staff.Names); i++ {
			who := e.Member
			if i >= 0 {
				who = e.Staff.Names[i]
			}
			m := id(who)
			for p := e.Program; p != nil; p = p.Parent {
				logged[key{p, m, e.Date.MonthKey()}] = true
			}
		}
	}
	var out []MissingEntry
	for _, p := range d.Catalog.Programs {
		if p.Cadence != CadenceMonthly {
			continue
		}
		for _, o := range p.Owners {
			mem := d.Roster.Find(o)
			if mem == nil || !mem.Active {
				continue
			}
			for _, month := range closed {
				if !logged[key{p, id(mem.Name), month.MonthKey()}] {
					out = append(out, MissingEntry{Program: p, Owner: mem, Month: month})
				}
			}
		}
	}
	return out
}

func checkMissingEntries(d *Dataset, fy FiscalYear, now time.Time, loc *time.Location, fs []Finding) []Finding {
	for _, m := range MissingEntries(d, fy, now, loc) {
		fs = append(fs, Finding{Code: CodeMissingEntry, Severity: SeverityWarning, Ref: d.ProgramTab.Ref(m.Program.Row, "owners"), Member: m.Owner.Name, Row: -1,
			Message: Text{
				Ja: jaDate(m.Month, true) + "の「" + quote(m.Program.Name) + "」（" + m.Program.Code + "）の記録が " + m.Owner.Name + " さんからありません。活動がなければ状態を「活動なし」にして1行記入してください",
				En: "no row from " + m.Owner.Name + " for " + m.Program.Code + " " + quote(m.Program.Name) + " in " + enDate(m.Month, true) + "; if nothing happened, log one row with status 活動なし (no activity)",
			}})
	}
	return fs
}

// checkNotPerformed reports every program line with no done row in the year.
func checkNotPerformed(d *Dataset, lines map[string]*ProgramReport, fs []Finding) []Finding {
	for _, p := range d.Catalog.Programs {
		line := lines[p.Code]
		if len(p.Children) > 0 || line.Performed {
			continue
		}
		said := Text{Ja: "実施しなかった", En: "not carried out"}
		switch {
		case line.Postponed:
			said = Text{Ja: "延期", En: "postponed"}
		case line.Cancelled:
			said = Text{Ja: "中止", En: "cancelled"}
		}
		fs = append(fs, Finding{Code: CodeNotPerformed, Severity: SeverityWarning, Ref: d.ProgramTab.Ref(p.Row, "name"), Row: -1,
			Message: Text{
				Ja: "事業 " + p.Code + "「" + quote(p.Name) + "」は今年度に実施した記録がないため、報告書には「" + said.Ja + "」と書きます",
				En: "program " + p.Code + " " + quote(p.Name) + " has no activity done this year; the report says \"" + said.En + "\"",
			}})
	}
	return fs
}
