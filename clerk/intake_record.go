package clerk

import (
	"strconv"
	"strings"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/config"
)

// entryRecord is the 送信履歴 line for a row logged from Slack: the key,
// the month, the member and, once confirmed, the row's reference (kept
// in the ts column).
func entryRecord(key string, c activity.CheckedSubmission, now time.Time, ref string) activity.SentRecord {
	r := activity.SentRecord{Key: key, Time: now, Kind: activity.MessageEntry, Recipient: c.Cells["member"], TS: ref}
	if d := c.Entry.Date; !d.IsZero() {
		r.Period = activity.Date{Year: d.Year, Month: d.Month}.ISO()
	}
	return r
}

// sentRef reports whether a key's row was appended and confirmed, with
// the row's reference.
func sentRef(sent *activity.SentLog, key string) (string, bool) {
	if !sent.Has(key) {
		return "", false
	}
	for _, r := range sent.Records {
		if r.Key == key && r.Sent() {
			return r.TS, true
		}
	}
	return "", true
}

// stillOwed reports whether the log still owes a member's program-month.
func stillOwed(ds *activity.Dataset, me *activity.MissingEntry, now time.Time, cfg config.Config) bool {
	fy := activity.FiscalYearOf(me.Month.Time(cfg.Location), cfg.FiscalYearStartMonth)
	for _, o := range activity.Owed(ds, fy, now, cfg.Location, me.Owner) {
		if o.Program.Code == me.Program.Code && o.Month.MonthKey() == me.Month.MonthKey() {
			return true
		}
	}
	return false
}

// findRow looks in the log's grid for a row holding exactly the values
// of row (laid out by PlaceRow), below the header; the last one found.
func findRow(g activity.Grid, t *activity.Table, row []string) (int, bool) {
	for r := len(g) - 1; r > t.HeaderRow; r-- {
		same := true
		for c, v := range row {
			if strings.TrimSpace(g.At(r, c).String()) != strings.TrimSpace(v) {
				same = false
				break
			}
		}
		if same {
			return r, true
		}
	}
	return 0, false
}

// firstCol is the first column the log's header names.
func firstCol(t *activity.Table) int {
	first := -1
	for _, c := range activity.LogColumns {
		if i := t.Col(c.Key); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	return max(first, 0)
}

// trimLeft drops the cells left of the table's first column.
func trimLeft(row []string, first int) []string {
	if first >= len(row) {
		return nil
	}
	return row[first:]
}

// rangeStart is the first row (zero-based) of an appended A1 range
// ('活動ログ'!A57:K57 → 56).
func rangeStart(a1 string) (int, bool) {
	cells := a1[strings.LastIndex(a1, "!")+1:]
	from, _, _ := strings.Cut(cells, ":")
	i := strings.IndexAny(from, "0123456789")
	if i < 0 {
		return 0, false
	}
	n, err := strconv.Atoi(from[i:])
	return n - 1, err == nil && n > 0
}
