package activity

import (
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Check runs every check of SPEC §3 over the dataset and the report
// compiled from it, and returns all findings — those met while reading
// included — most serious first, then in the order of the codes and of
// the sheet. now and loc decide which months are closed.
func Check(d *Dataset, r *Report, fy FiscalYear, now time.Time, loc *time.Location) []Finding {
	return check(d, r, fy, now, loc, len(d.Entries) >= parallelRows && runtime.GOMAXPROCS(0) > 1)
}

// check is Check, its row checks on a goroutine of their own when parallel.
func check(d *Dataset, r *Report, fy FiscalYear, now time.Time, loc *time.Location, parallel bool) []Finding {
	t := now.In(loc)
	today := Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
	other := otherYears(d, fy, today)
	fs := yearsFindings(d, other)
	lines := make(map[string]*ProgramReport, len(r.Programs))
	for i := range r.Programs {
		lines[r.Programs[i].Code] = &r.Programs[i]
	}
	// The row checks, the longest, run beside the others on a large log;
	// the findings are joined in the same order either way.
	wait := inParallel(parallel, func() []Finding {
		return checkRows(d, fy, today, other, nil)
	})
	var rest []Finding
	rest = checkAmounts(d, fy, lines, fy.End().Before(today), rest)
	rest = checkMissingEntries(d, fy, now, loc, rest)
	rest = checkNotPerformed(d, lines, rest)
	fs = append(append(fs, wait()...), rest...)
	SortFindings(fs)
	return fs
}

// yearsFindings are the findings met while reading, less those of log
// rows that belong to another fiscal year's log (see otherYears): last
// year's unreadable amount is last year's to fix, and it is left out of
// this year's counts, summaries and reminders.
func yearsFindings(d *Dataset, other func(*Entry) bool) []Finding {
	out := make([]Finding, 0, len(d.Findings))
	for _, f := range d.Findings {
		if d.Log != nil && strings.HasPrefix(f.Ref, d.Log.Tab+"!") {
			// Entries are in the log's row order.
			i := sort.Search(len(d.Entries), func(i int) bool { return d.Entries[i].Row >= f.Row })
			if i < len(d.Entries) && d.Entries[i].Row == f.Row && other(&d.Entries[i]) {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}

var codeOrder = func() map[Code]int {
	m := map[Code]int{}
	for i, c := range []Code{
		CodeMissingColumn, CodeUnparsable, CodeEraMismatch, CodeMissingField, CodeUnknownProgram,
		CodeSettledMismatch, CodeSubtotalMismatch, CodeUnitSuspect, CodeCancelledWithExpense,
		CodeEstimatedExpense, CodeDuplicateRow, CodeOutsideFiscalYear, CodeFutureDate, CodeOverBudget,
		CodeMissingEntry, CodeUnknownMember, CodePersonalData, CodeLongText, CodeNotPerformed,
	} {
		m[c] = i
	}
	return m
}()

// SortFindings orders findings: errors first, then by code, then by tab
// and cell (row 9 before row 10).
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Severity != b.Severity {
			return a.Severity == SeverityError
		}
		if codeOrder[a.Code] != codeOrder[b.Code] {
			return codeOrder[a.Code] < codeOrder[b.Code]
		}
		return refLess(a.Ref, b.Ref)
	})
}

// refLess orders 活動ログ!B9 before 活動ログ!B10 and 事業!A3.
func refLess(a, b string) bool {
	ta, ca := splitRef(a)
	tb, cb := splitRef(b)
	if ta != tb {
		return ta < tb
	}
	ra, rb := refRow(ca), refRow(cb)
	if ra != rb {
		return ra < rb
	}
	return ca < cb
}

func splitRef(ref string) (tab, cell string) {
	if i := strings.LastIndex(ref, "!"); i >= 0 {
		return ref[:i], ref[i+1:]
	}
	return ref, ""
}

func refRow(cell string) int {
	i := strings.IndexAny(cell, "0123456789")
	if i < 0 {
		return 0
	}
	j := i
	for j < len(cell) && cell[j] >= '0' && cell[j] <= '9' {
		j++
	}
	n, _ := strconv.Atoi(cell[i:j])
	return n
}

// Count returns the number of errors and warnings.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == SeverityError {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}
