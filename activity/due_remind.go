package activity

import "time"

// Reminder is what one member still owes the log, as their DM lists it:
// the months of their 毎月 programs with no row (not even 活動なし), and
// their rows that cannot be read or lack something, with what is wrong.
type Reminder struct {
	// Month is the closed month whose reminder window this is; Deadline
	// is when its entries are due.
	Month, Deadline Date
	Missing         []MissingMonths
	Rows            []RowProblem
}

// MissingMonths is one 毎月 program a member owns and the closed months
// of the fiscal year for which they logged nothing.
type MissingMonths struct {
	Program *Program
	Months  []Date
}

// RowProblem is one row of the log with the errors a member has to fix.
// When (or, when it cannot be read, DateCell), Program and Desc are what
// the row says, for the member to recognise it; Ref is the row's first
// cell (活動ログ!A17), for the link.
type RowProblem struct {
	Tab      string
	Row      int // zero-based, as in Grid
	Ref      string
	When     Date
	DateCell string
	Program  string
	Desc     string
	Problems []Finding
}

// Escalation is the channel's message on a month's deadline: the members
// who still owe something, by name (mentioned only when the organisation
// chose so).
type Escalation struct {
	Month, Deadline Date
	Outstanding     []Outstanding
}

// Outstanding is one member on the escalation list: how many program
// months they have not logged and how many of their rows need fixing.
type Outstanding struct {
	Member *Member
	Months int
	Rows   int
}

// dueReminders gives the escalation and the DMs of the current reminder
// window. Within the window a member gets one DM each business day until
// the deadline; after the deadline, until the next window opens, the
// deadline-day DM and the escalation are sent late if katsudo missed
// them, and nothing else.
func dueReminders(d *Dataset, now time.Time, today Date, o DueOptions) []Message {
	forced := !o.Month.IsZero()
	month := o.Month
	if !forced {
		month = CurrentMonth(today, o.DeadlineDay)
	}
	w := ReminderWindow(month, o.DeadlineDay)
	owed := owedReminders(d, w, now, today, o)
	if len(owed) == 0 || !forced && !isBusinessDate(today) {
		return nil
	}
	var out []Message
	period := month.ISO()
	if dayNumber(today) >= dayNumber(w.Deadline) {
		m := newMessage(MessageEscalation, period, Recipient{}, w.Deadline, today)
		esc := &Escalation{Month: w.Month, Deadline: w.Deadline}
		for _, r := range owed {
			n := 0
			for _, mm := range r.rem.Missing {
				n += len(mm.Months)
			}
			esc.Outstanding = append(esc.Outstanding, Outstanding{Member: r.member, Months: n, Rows: len(r.rem.Rows)})
		}
		m.Escalation = esc
		out = append(out, m)
	}
	day := today
	if !forced && dayNumber(today) > dayNumber(w.Deadline) {
		day = w.Deadline
	}
	for _, r := range owed {
		m := newMessage(MessageReminder, period, Recipient{Member: r.member}, day, today)
		m.Reminder = r.rem
		out = append(out, m)
	}
	return out
}

type owed struct {
	member *Member
	rem    *Reminder
}

// owedReminders collects, per active member in the members tab's order,
// the missing months up to the window's month and the rows with errors.
func owedReminders(d *Dataset, w Window, now time.Time, today Date, o DueOptions) []owed {
	fy := FiscalYearOf(w.Month.utc(), o.FiscalYearStartMonth)
	byName := map[string]*Reminder{}
	get := func(m *Member) *Reminder {
		k := nameKey(m.Name)
		if byName[k] == nil {
			byName[k] = &Reminder{Month: w.Month, Deadline: w.Deadline}
		}
		return byName[k]
	}
	for _, me := range MissingEntries(d, fy, now, o.Location) {
		if me.Month.MonthKey() > w.Month.MonthKey() {
			continue
		}
		r := get(me.Owner)
		if n := len(r.Missing); n > 0 && r.Missing[n-1].Program == me.Program {
			r.Missing[n-1].Months = append(r.Missing[n-1].Months, me.Month)
		} else {
			r.Missing = append(r.Missing, MissingMonths{Program: me.Program, Months: []Date{me.Month}})
		}
	}
	entries := make(map[int]*Entry, len(d.Entries))
	for i := range d.Entries {
		entries[d.Entries[i].Row] = &d.Entries[i]
	}
	prev := FiscalYear{Year: fy.Year - 1, StartMonth: fy.StartMonth}
	prevOpen := dayNumber(today) <= dayNumber(nextBusinessDate(prev.FilingDeadline()))
	for _, f := range d.Findings {
		e := entries[f.Row]
		if f.Row < 0 || f.Severity != SeverityError || e == nil {
			continue
		}
		mem := d.Roster.Find(f.Member)
		if mem == nil || !mem.Active {
			continue
		}
		if !e.Date.IsZero() && !fy.Contains(e.Date) && !(prevOpen && prev.Contains(e.Date)) {
			continue
		}
		r := get(mem)
		if n := len(r.Rows); n > 0 && r.Rows[n-1].Row == f.Row {
			r.Rows[n-1].Problems = append(r.Rows[n-1].Problems, f)
			continue
		}
		r.Rows = append(r.Rows, rowProblem(d, e, f))
	}
	var out []owed
	for _, m := range d.Roster.Members {
		k := nameKey(m.Name)
		if r := byName[k]; r != nil && m.Active {
			out = append(out, owed{member: m, rem: r})
			delete(byName, k)
		}
	}
	return out
}

func rowProblem(d *Dataset, e *Entry, f Finding) RowProblem {
	t := d.Log
	p := RowProblem{
		Tab: t.Tab, Row: e.Row, Ref: CellRef(t.Tab, e.Row, 0),
		When: e.Date, DateCell: e.DateText, Program: e.ProgramText,
		Desc: e.Description, Problems: []Finding{f},
	}
	if e.Program != nil {
		p.Program = e.Program.Code
	}
	return p
}
