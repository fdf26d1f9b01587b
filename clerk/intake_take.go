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
	out := bot.Taken{Refs: make([]string, len(items)), Earlier: make([]bool, len(items))}
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
	var todo []pending
	for i, it := range items {
		if ref, ok := sentRef(in.Sent, it.Key); ok {
			out.Refs[i], out.Earlier[i] = ref, true
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
		todo = append(todo, pending{idx: i, key: it.Key, check: c, row: activity.PlaceRow(ds.Log, c.Cells)})
	}
	if len(out.Problems) > 0 || len(todo) == 0 {
		return out, nil
	}

	// Claim every key in the 送信履歴 outbox, as a Slack message is.
	ob := newOutbox(d.c, now, in)
	want := make([]activity.SentRecord, len(todo))
	for i, p := range todo {
		want[i] = entryRecord(p.key, p.check, now, "")
	}
	grants, err := ob.Claim(ctx, want)
	if err != nil {
		return out, err
	}
	var appendNow, found []pending
	for _, p := range todo {
		switch grants[p.key] {
		case bot.GrantSend:
			appendNow = append(appendNow, p)
		case bot.GrantRecover:
			// An earlier try claimed it and never confirmed: the row may
			// be in the log already.
			if r, ok := findRow(in.Log, ds.Log, p.row); ok {
				p.at = r
				found = append(found, p)
			} else {
				appendNow = append(appendNow, p)
			}
		default:
			return out, fmt.Errorf("another katsudo is saving the same row right now (its claim in %s holds); nothing was written", d.c.Tabs().Sent)
		}
	}

	first := firstCol(ds.Log)
	if len(appendNow) > 0 {
		rows := make([][]string, len(appendNow))
		for i, p := range appendNow {
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
			r0, hit := findRow(again.Log, fresh.Log, appendNow[0].row)
			if !hit {
				return out, err
			}
			start, ok = r0, true // one append: the rows are together
		}
		for i := range appendNow {
			appendNow[i].at = -1
			if ok {
				appendNow[i].at = start + i
			}
		}
		found = append(found, appendNow...)
	}

	after := ds
	var recs []activity.SentRecord
	for _, p := range found {
		ref := ""
		if p.at >= 0 {
			ref = activity.CellRef(ds.Tabs.Log, p.at, first)
			e := p.check.Entry
			e.Row = p.at
			after = after.WithEntry(e)
		}
		out.Refs[p.idx] = ref
		recs = append(recs, entryRecord(p.key, p.check, now, ref))
	}
	out.After = after
	d.cur.Store(after)
	if err := ob.Confirm(ctx, recs); err != nil {
		// The rows are in; a later try of the same key finds them.
		d.log().Warn("slack intake: rows appended but not confirmed in the sent tab", "rows", len(recs), "err", err)
	}
	return out, nil
}

// pending is a row Take is about to append: the item it answers, its
// key, the checked submission, the row laid out for the tab and, once
// known, the zero-based row it is at.
type pending struct {
	idx   int
	key   string
	check activity.CheckedSubmission
	row   []string
	at    int
}
