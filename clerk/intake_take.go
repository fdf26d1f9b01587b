package clerk

import (
	"context"
	"fmt"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
)

// Take appends the items' rows to 活動ログ, each at most once per key (see
// Desk). It reads the spreadsheet afresh and checks every row against it
// first: a program removed meanwhile, a member no longer on the members
// tab or a log missing a column keeps every row out (Taken.Problems), so
// a 活動なし click never leaves some months logged and others not. A
// 活動なし row the log no longer owes is skipped. The rows go in with one
// append. Take returns an error only when the spreadsheet could not be
// read, or written, and no row of this call went in.
func (d *Desk) Take(ctx context.Context, items []bot.Item) (bot.Taken, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out bot.Taken
	in, err := d.c.Read(ctx)
	if err != nil {
		return out, err
	}
	ds := activity.Load(in.Input)
	d.cur.Store(ds)
	out.Before, out.After = ds, ds
	if ds.MissingColumns {
		for _, f := range ds.Findings {
			if f.Code == activity.CodeMissingColumn && strings.HasPrefix(f.Ref, ds.Tabs.Log) {
				out.Problems = append(out.Problems, activity.FieldProblem{Code: f.Code, Message: f.Message})
			}
		}
		if len(out.Problems) > 0 {
			return out, nil
		}
	}
	now := d.now()
	cfg := d.c.Config
	type pending struct {
		idx   int
		key   string
		check activity.CheckedSubmission
		row   []string
	}
	var todo []pending
	refs := make([]string, len(items))
	out.Earlier = make([]bool, len(items))
	for i, it := range items {
		if ref, ok := confirmed(in.Sent, it.Key); ok {
			refs[i], out.Earlier[i] = ref, true
			continue
		}
		if it.Owed != nil && !stillOwed(ds, it.Owed, now, cfg) {
			continue
		}
		sub := it.Submission
		if sub.Member != nil {
			// The member as the members tab has them now (gone: an error).
			sub.Member = ds.Roster.Find(sub.Member.Name)
		}
		c := activity.CheckSubmission(ds, sub, cfg.FiscalYearStartMonth, now, cfg.Location)
		for _, p := range c.Problems {
			if !p.Warning {
				out.Problems = append(out.Problems, p)
			}
		}
		row := activity.PlaceRow(ds.Log, c.Cells)
		if in.Sent.Has(it.Key) {
			// Claimed by an earlier try that never confirmed: the row
			// may be in the log already.
			if r, ok := findRow(in.Log, ds.Log, row); ok {
				refs[i] = activity.CellRef(ds.Tabs.Log, r, firstCol(ds.Log))
				if err := d.confirm(ctx, []string{it.Key}, []string{refs[i]}, now); err != nil {
					d.log().Warn("slack intake: a row found in the log could not be confirmed in the sent tab", "err", err)
				}
				continue
			}
		}
		todo = append(todo, pending{idx: i, key: it.Key, check: c, row: row})
	}
	if len(out.Problems) > 0 {
		return out, nil
	}
	if len(todo) == 0 {
		out.Refs = refs
		return out, nil
	}
	// Claim every key, append every row, confirm.
	var claims []activity.SentRecord
	for _, p := range todo {
		if !in.Sent.Has(p.key) {
			claims = append(claims, entryRecord(p.key, p.check, now, ""))
		}
	}
	if len(claims) > 0 {
		for _, r := range claims {
			in.Sent.Add(r)
		}
		in.Sent.Prune(now.Add(-SentKeep))
		if err := d.c.Book.Write(ctx, []activity.Sheet{in.Sent.Sheet(d.c.Tabs().Sent, d.c.Lang(), cfg.Location)}); err != nil {
			return out, fmt.Errorf("claim the row in the sent tab: %w", err)
		}
	}
	first := firstCol(ds.Log)
	rows := make([][]string, len(todo))
	for i, p := range todo {
		rows[i] = trimLeft(p.row, first)
	}
	at := activity.ColumnName(first) + fmt.Sprint(ds.Log.HeaderRow+1)
	rng, err := d.app.Append(ctx, ds.Tabs.Log, at, rows)
	start, ok := rangeStart(rng)
	if err != nil {
		// The rows may have gone in even so (Google's answer lost): look.
		again, rerr := d.c.Read(ctx)
		if rerr != nil {
			return out, err
		}
		fresh := activity.Load(again.Input)
		r0, found := findRow(again.Log, fresh.Log, todo[0].row)
		if !found {
			return out, err
		}
		start, ok, ds = r0, true, fresh
	}
	var keys, newRefs []string
	after := ds
	for i, p := range todo {
		ref := ""
		if ok {
			ref = activity.CellRef(ds.Tabs.Log, start+i, first)
			e := p.check.Entry
			e.Row = start + i
			after = after.WithEntry(e)
		}
		refs[p.idx] = ref
		keys, newRefs = append(keys, p.key), append(newRefs, ref)
	}
	out.Refs, out.After = refs, after
	d.cur.Store(after)
	if err := d.confirm(ctx, keys, newRefs, now); err != nil {
		// The rows are in; a later try of the same key finds them.
		d.log().Warn("slack intake: rows appended but not confirmed in the sent tab", "rows", len(keys), "err", err)
	}
	return out, nil
}
