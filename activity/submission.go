package activity

import (
	"strings"
	"time"
)

// Submission is one activity a member logged from Slack: what they typed
// in each field of the form, by the log's column keys (date, program,
// description, place, staff, beneficiaries, beneficiary, expense, status,
// note). 記入者 is never typed: it is the member the Slack user is on the
// members tab.
type Submission struct {
	Fields map[string]string
	Member *Member
}

// CodeFutureDate is a submitted date that has not come yet: the log may
// hold it (a planned row), but from Slack it is most likely a slip, so
// the member is asked to confirm.
const CodeFutureDate Code = "future-date"

// FieldProblem is one thing wrong with a field of a submission, said in
// the member's language next to that field. A warning (a unit that looks
// like 千円, a date in the future, the same row twice) asks the member to
// confirm; anything else keeps the row out of the log.
type FieldProblem struct {
	Field   string
	Code    Code
	Message Text
	Warning bool
}

// CheckedSubmission is a submission read the way the log reads its rows:
// the entry it makes, the problems with each field, and the cells to
// append, by column key.
type CheckedSubmission struct {
	Entry    Entry
	Problems []FieldProblem
	// Cells are the values to write, by column key, 記入者 included;
	// fields the log tab has no column for are left out.
	Cells map[string]string
}

// Errors reports whether a problem keeps the row out of the log.
func (c *CheckedSubmission) Errors() bool {
	for _, p := range c.Problems {
		if !p.Warning {
			return true
		}
	}
	return false
}

// Warnings are the problems the member may confirm.
func (c *CheckedSubmission) Warnings() []FieldProblem {
	var out []FieldProblem
	for _, p := range c.Problems {
		if p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// CheckSubmission reads a submitted form as if it were the next row of the
// log in d — the same parsers, the same row checks (unit, duplicates,
// cancelled with expense, personal data), against the log as it stands —
// and returns every problem, each on its field. now and loc say what
// "today" is: a date after it asks for confirmation.
func CheckSubmission(d *Dataset, s Submission, fyStart time.Month, now time.Time, loc *time.Location) CheckedSubmission {
	out := CheckedSubmission{Cells: map[string]string{}}
	if s.Member == nil {
		out.Problems = append(out.Problems, FieldProblem{Field: "member", Code: CodeUnknownMember, Message: Text{
			Ja: "あなたの Slack アカウントが会員タブにありません。事務局に会員タブの Slack 欄への登録を頼んでください",
			En: "your Slack account is not on the members tab; ask the secretariat to add it in the Slack column",
		}})
		return out
	}
	row := nextRow(d.Log)
	sub := &Table{Tab: d.Log.Tab, HeaderRow: d.Log.HeaderRow, cols: d.Log.cols, Rows: []int{row}}
	sub.Grid = make(Grid, row+1)
	width := 0
	for _, c := range d.Log.cols {
		width = max(width, c+1)
	}
	sub.Grid[row] = make([]Cell, width)
	put := func(key, v string) {
		if c := sub.Col(key); c >= 0 && strings.TrimSpace(v) != "" {
			sub.Grid[row][c] = TextCell(v)
			out.Cells[key] = v
		}
	}
	for _, col := range LogColumns {
		if col.Key != "member" {
			put(col.Key, s.Fields[col.Key])
		}
	}
	put("member", s.Member.Name)

	lr := &logReader{t: sub, cat: d.Catalog, ro: d.Roster}
	e, fs := lr.readEntry(row, nil)
	out.Entry = e
	if !e.Date.IsZero() {
		// The rest of the checks look at the row among the others, as the
		// log's own check would once it is there.
		// Only the row's fiscal year matters to the row checks (duplicates,
		// the program's usual amount): the check costs a year of rows.
		fy := FiscalYearOf(e.Date.Time(time.UTC), fyStart)
		d2 := *d
		d2.Findings = nil
		d2.Entries = make([]Entry, 0, len(d.Entries)/4+1)
		for i := range d.Entries {
			if fy.Contains(d.Entries[i].Date) {
				d2.Entries = append(d2.Entries, d.Entries[i])
			}
		}
		d2.Entries = append(d2.Entries, e)
		for _, f := range Check(&d2, Compile(&d2, fy, Options{}), fy, now, loc) {
			if f.Row == row {
				fs = append(fs, f)
			}
		}
		today := DateOf(now, loc)
		if today.Before(e.Date) && !(e.Date.IsMonth() && e.Date.MonthKey() == today.MonthKey()) && !hasCode(fs, CodeFutureDate) {
			fs = append(fs, Finding{Code: CodeFutureDate, Severity: SeverityWarning, Ref: sub.Ref(row, "date"), Row: row, Message: Text{
				Ja: "日付 " + jaDate(e.Date, true) + " はまだ来ていません。予定ではなく実施した活動を記録してください",
				En: "the date " + enDate(e.Date, true) + " has not come yet; log activities that took place, not plans",
			}})
		}
	}
	seen := map[string]bool{}
	for _, f := range fs {
		p := FieldProblem{Field: fieldOf(sub, row, f.Ref), Code: f.Code, Message: f.Message, Warning: f.Severity == SeverityWarning}
		if k := p.Field + "\x00" + p.Message.Ja; !seen[k] {
			seen[k] = true
			out.Problems = append(out.Problems, p)
		}
	}
	return out
}

// nextRow is the row a new entry would take: the one below the last.
func nextRow(t *Table) int {
	if n := len(t.Rows); n > 0 {
		return t.Rows[n-1] + 1
	}
	return t.HeaderRow + 1
}

// fieldOf is the column key a finding's cell reference points at on the
// submitted row; "" when it points at no field.
func fieldOf(t *Table, row int, ref string) string {
	for _, col := range LogColumns {
		if t.Col(col.Key) >= 0 && t.Ref(row, col.Key) == ref {
			return col.Key
		}
	}
	return ""
}

// PlaceRow lays cells given by column key out as a row of the log tab t,
// in the tab's own column order; columns the tab has no header for are
// not written, and every other position is blank.
func PlaceRow(t *Table, cells map[string]string) []string {
	width := 0
	for key := range cells {
		width = max(width, t.Col(key)+1)
	}
	row := make([]string, width)
	for key, v := range cells {
		if c := t.Col(key); c >= 0 {
			row[c] = v
		}
	}
	return row
}

// MessageEntry marks, in the 送信履歴 tab, a row a member logged from Slack:
// katsudo claims its key there before appending the row, and confirms it
// with the row's reference after, so that the row is appended once.
const MessageEntry MessageKind = "entry"

// hasCode reports whether fs holds a finding with code c (the log's own
// check already warns about a done row dated in the future).
func hasCode(fs []Finding, c Code) bool {
	for _, f := range fs {
		if f.Code == c {
			return true
		}
	}
	return false
}
