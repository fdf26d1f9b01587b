package clerk

import (
	"context"
	"fmt"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
)

// Plan is what one pass does: refresh the report and findings tabs, send
// the Slack messages that are due, or both. Kinds limits the messages to
// those kinds (none: all); Month, when set, is the month to remind about
// or summarise instead of the one the calendar gives (`--month`).
type Plan struct {
	Report bool
	Slack  bool
	Kinds  []activity.MessageKind
	Month  activity.Date
}

// The kinds of message each command sends; `run` and `serve` send them
// all, so that a summary missed on the 1st goes out on the next run.
var (
	RemindKinds  = []activity.MessageKind{activity.MessageEscalation, activity.MessageFiling, activity.MessageReminder}
	SummaryKinds = []activity.MessageKind{activity.MessageSummary}
)

// Outcome is what one pass did, in counts: what run and serve log, what
// /metrics shows, and what remind and summary print.
type Outcome struct {
	Plan             Plan
	Wrote            bool      // the report and findings tabs were written
	Errors, Warnings int       // the findings, when the report was compiled
	Due              int       // messages whose time had come and were not yet sent
	Held             int       // messages due by the calendar, waiting for their schedule
	Next             time.Time // when the first of those may go out
	Slack            bot.Outcome
	NoSlack          bool // messages were due, but no Slack token or webhook is set
	// Findings are the pass's findings when a required header is missing
	// (the pass then stops with ErrMissingColumns), for the caller to print.
	Findings []activity.Finding
	// Data is the spreadsheet as the pass read it, for the Desk (see
	// Desk.Refresh): Slack's forms follow it without a read of their own.
	Data *activity.Dataset
}

// Pass reads the spreadsheet once, writes the report and findings tabs in
// one write when the plan says so, and sends the Slack messages whose
// time has come by the schedule (see Schedules.Release), each once.
func (c *Clerk) Pass(ctx context.Context, now time.Time, plan Plan) (Outcome, error) {
	out := Outcome{Plan: plan}
	in, err := c.Read(ctx)
	if err != nil {
		return out, err
	}
	var d *activity.Dataset
	var checked []activity.Finding
	var pending []activity.Sheet // the report's tabs, when they go with the claims
	fy := c.FiscalYear(now)
	if plan.Report {
		res := c.compile(in.Input, now)
		d, checked = res.Data, res.Findings
		out.Errors, out.Warnings = activity.Count(res.Findings)
		_, commits := c.Book.(Committer)
		switch {
		case d.MissingColumns:
		case plan.Slack && c.Slack != nil && commits:
			pending = c.Sheets(res)
		default:
			if err := c.WriteTabs(ctx, res); err != nil {
				return out, err
			}
			out.Wrote = true
		}
	} else {
		d = activity.Load(in.Input)
	}
	out.Data = d
	if d.MissingColumns {
		out.Findings = d.Findings
		if checked != nil {
			out.Findings = checked
		}
		return out, ErrMissingColumns
	}
	if !plan.Slack {
		return out, nil
	}
	o := c.dueOptions(plan)
	o.Checked, o.CheckedYear = checked, fy // the summary reuses this pass's check
	msgs := activity.Due(d, in.Sent, now, o)
	msgs, out.Held, out.Next = c.Schedules.Release(msgs, now)
	out.Due = len(msgs)
	switch {
	case len(msgs) == 0:
		return out, c.writePending(ctx, pending, &out)
	case c.Slack == nil:
		out.NoSlack = true
		return out, nil
	}
	// The report's tabs go in the same write as the claims; when nothing
	// is claimed (every message already sent, or Slack failed first),
	// they are written on their own.
	store := newOutbox(c, now, in)
	store.pending = pending
	out.Slack, err = c.deliver(ctx, store, msgs)
	if store.pending == nil {
		out.Wrote = out.Wrote || pending != nil
	} else if werr := c.writePending(ctx, pending, &out); err == nil {
		err = werr
	}
	return out, err
}

// writePending writes the report's tabs that were to go with the claims
// when nothing was claimed.
func (c *Clerk) writePending(ctx context.Context, pending []activity.Sheet, out *Outcome) error {
	if pending == nil {
		return nil
	}
	if err := c.Book.Write(ctx, pending); err != nil {
		return fmt.Errorf("write the report: %w", err)
	}
	out.Wrote = true
	return nil
}

// Preview is what a pass with the plan would send at now, without
// sending or recording anything (`--dry-run`, the demo): the messages
// whose time has come, how they read, and how many wait for their
// schedule.
func (c *Clerk) Preview(ctx context.Context, now time.Time, plan Plan) (msgs []activity.Message, st bot.Style, out Outcome, err error) {
	out.Plan = plan
	in, err := c.Read(ctx)
	if err != nil {
		return nil, st, out, err
	}
	d := activity.Load(in.Input)
	if d.MissingColumns {
		out.Findings = d.Findings
		return nil, st, out, ErrMissingColumns
	}
	// A pass learns the tabs' gids from its write; a preview writes
	// nothing, so it asks, for links that open the right tab.
	if g, ok := c.Book.(sheetIDAsker); ok {
		g.SheetIDs(ctx) // a link without a gid still opens the spreadsheet
	}
	msgs, st = c.preview(ctx, d, in.Sent, now, plan, nil)
	msgs, out.Held, out.Next = c.Schedules.Release(msgs, now)
	out.Due = len(msgs)
	return msgs, st, out, nil
}

// sheetIDAsker is a Book that can ask for its tabs' gids (one request).
type sheetIDAsker interface {
	SheetIDs(ctx context.Context) (map[string]int64, error)
}

// PreviewResult is Preview on a year already compiled (the demo), as if
// nothing had been sent.
func (c *Clerk) PreviewResult(ctx context.Context, res *Result, now time.Time, plan Plan) ([]activity.Message, bot.Style) {
	return c.preview(ctx, res.Data, nil, now, plan, res)
}

func (c *Clerk) preview(ctx context.Context, d *activity.Dataset, sent *activity.SentLog, now time.Time, plan Plan, res *Result) ([]activity.Message, bot.Style) {
	o := c.dueOptions(plan)
	if res != nil {
		o.Checked, o.CheckedYear = res.Findings, res.Year
	}
	return activity.Due(d, sent, now, o), c.Style(ctx)
}

// dueOptions are the settings that decide what is due.
func (c *Clerk) dueOptions(p Plan) activity.DueOptions {
	return activity.DueOptions{
		Location: c.Config.Location, FiscalYearStartMonth: c.Config.FiscalYearStartMonth,
		DeadlineDay: c.Config.DeadlineDay, FilingReminderDays: c.Config.FilingReminderDays,
		Month: p.Month, Kinds: p.Kinds,
	}
}
