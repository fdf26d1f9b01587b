package clerk

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
)

// writeClaims writes the claims and returns the tab as it stands after
// them, as far as this run can know.
//
// Routinely that is one append: when Google (or the workbook) says the
// claims landed right below the rows this run read, no other client
// appended in between, and the tab is what was read plus the claims. When
// they landed further down, the tab is read back. A tab that does not
// exist yet, that lacks the claim columns (written by an older katsudo),
// or whose oldest row is a day past SentKeep is written whole instead —
// read fresh, pruned, with the claims — in one write.
func (o *outbox) writeClaims(ctx context.Context, rows []activity.SentRecord) (*activity.SentLog, error) {
	tab := o.c.Tabs().Sent
	com, commits := o.c.Book.(Committer)
	app, appends := o.c.Book.(Appender)
	if !(commits || appends) || o.missing || o.cols() == nil || o.pruneDue() {
		return o.rewrite(ctx, rows)
	}
	var rng string
	var err error
	if commits {
		rng, err = com.Commit(ctx, o.pending, tab, o.rows, o.layout(rows))
	} else {
		rng, err = app.Append(ctx, tab, o.at(), o.layout(rows))
	}
	if missingTab(err) == tab {
		return o.rewrite(ctx, rows)
	}
	if err != nil {
		return nil, err
	}
	o.pending = nil
	first := firstRow(rng)
	if first == o.rows+1 {
		fresh := &activity.SentLog{}
		for _, r := range append(append([]activity.SentRecord(nil), o.log.Records...), rows...) {
			fresh.Add(r)
		}
		o.log, o.rows = fresh, o.rows+len(rows)
		return fresh, nil
	}
	in, err := o.c.readSentTab(ctx)
	if err != nil {
		return nil, err
	}
	o.log, o.table, o.rows = in.Sent, in.sentTable, in.sentRows
	return in.Sent, nil
}

// pruneDue reports whether the oldest row is a day past SentKeep.
func (o *outbox) pruneDue() bool {
	old := o.log.Oldest()
	return !old.IsZero() && old.Before(o.now.Add(-SentKeep-24*time.Hour))
}

// rewrite writes the tab whole: read fresh, pruned, plus the claims, in
// katsudo's own column order. A claim another run appended between the
// fresh read and this write would be lost; that window — one read and
// one write, at most once a day — is the one Google Sheets leaves open
// (it has no compare-and-swap).
func (o *outbox) rewrite(ctx context.Context, rows []activity.SentRecord) (*activity.SentLog, error) {
	in, err := o.c.readSentTab(ctx)
	if err != nil {
		return nil, err
	}
	fresh := in.Sent
	for _, r := range rows {
		fresh.Add(r)
	}
	fresh.Prune(o.now.Add(-SentKeep))
	sheet := fresh.Sheet(o.c.Tabs().Sent, o.c.Lang(), o.c.Config.Location)
	if err := o.c.Book.Write(ctx, append(o.pending, sheet)); err != nil {
		return nil, err
	}
	o.pending = nil
	o.log, o.table, o.rows, o.missing = fresh, nil, len(sheet.Rows), false
	return fresh, nil
}

// cols is the column of each of SentColumns in the tab as read (katsudo's
// own order when it wrote the tab), or nil when the tab lacks one.
func (o *outbox) cols() []int {
	out := make([]int, len(activity.SentColumns))
	for i, c := range activity.SentColumns {
		out[i] = i
		if o.table == nil {
			continue
		}
		if out[i] = o.table.Col(c.Key); out[i] < 0 {
			return nil
		}
	}
	return out
}

// at is the first cell of the tab's header, where its table starts.
func (o *outbox) at() string {
	if o.table == nil {
		return "A1"
	}
	return "A" + strconv.Itoa(o.table.HeaderRow+1)
}

// firstRow is the row number of an A1 range's first cell: 12 for
// '送信履歴'!A12:K14; 0 when it names none.
func firstRow(a1 string) int {
	cells := a1[strings.LastIndex(a1, "!")+1:]
	from, _, _ := strings.Cut(cells, ":")
	i := strings.IndexAny(from, "0123456789")
	if i < 0 {
		return 0
	}
	n, err := strconv.Atoi(from[i:])
	if err != nil {
		return 0
	}
	return n
}

// layout lays records out as rows of the tab, each value under its own
// header wherever the tab has it.
func (o *outbox) layout(recs []activity.SentRecord) [][]string {
	cols := o.cols()
	width := 0
	for _, c := range cols {
		width = max(width, c+1)
	}
	out := make([][]string, len(recs))
	for i, r := range recs {
		m := activity.SentRow(r, o.c.Config.Location)
		row := make([]string, width)
		for j, c := range activity.SentColumns {
			row[cols[j]] = m[c.Key].Text
		}
		out[i] = row
	}
	return out
}
