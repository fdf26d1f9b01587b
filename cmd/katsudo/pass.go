package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
)

// readInput reads the three tabs members write and the 送信履歴 record in
// one request. A 送信履歴 tab not created yet is an empty record: the
// three are then read again without it, which happens until katsudo has
// sent its first message.
func readInput(ctx context.Context, j *job, b book) (activity.Input, *activity.SentLog, error) {
	t := j.tabs()
	grids, err := b.Read(ctx, []string{t.Log, t.Programs, t.Members, t.Sent})
	var nf *activity.TabNotFoundError
	sentMissing := errors.As(err, &nf) && nf.Tab == t.Sent
	if sentMissing {
		grids, err = b.Read(ctx, []string{t.Log, t.Programs, t.Members})
	}
	if err != nil {
		return activity.Input{}, nil, err
	}
	in := activity.Input{Tabs: t, Log: grids[t.Log], Programs: grids[t.Programs], Members: grids[t.Members]}
	if sentMissing {
		return in, &activity.SentLog{}, nil
	}
	sent, err := parseSent(t.Sent, grids[t.Sent], j.lang)
	return in, sent, err
}

// passPlan is what one pass does: refresh the report and findings tabs,
// send the Slack messages that are due, or both.
type passPlan struct {
	report bool
	slack  bool
}

// passOutcome is what one pass did, in counts: what run and serve log,
// and what /metrics shows.
type passOutcome struct {
	plan             passPlan
	wrote            bool      // the report and findings tabs were written
	errors, warnings int       // the findings, when the report was compiled
	due              int       // messages whose time had come and were not yet sent
	held             int       // messages due by the calendar, waiting for their schedule
	next             time.Time // when the first of those may go out
	slack            bot.Outcome
	noSlack          bool // messages were due, but no Slack token or webhook is set
}

// errMissingColumns stops a pass: a required header is missing, so
// katsudo writes nothing and sends nothing.
var errMissingColumns = errors.New("a required header is missing (see katsudo check): nothing was written or sent")

// passer runs passes over one spreadsheet for run and serve: everything
// they need that does not change from one pass to the next.
type passer struct {
	j       *job // settings; its now and fiscal year are replaced per pass
	fixedFY bool // --fy was given: every pass compiles that year
	b       book
	sched   schedules
	log     *slog.Logger
	m       *metrics
	slack   *http.Client
}

// at is the job as of now; unless --fy fixed it, the year compiled is the
// one being reported on (last year until it has been filed).
func (p *passer) at(now time.Time) *job {
	j := *p.j
	j.now = now
	if !p.fixedFY {
		j.fy = activity.ReportingYear(now, j.cfg.Location, j.cfg.FiscalYearStartMonth)
	}
	return &j
}

// pass reads the spreadsheet once, writes the report and findings tabs
// in one write when the plan says so, and sends the Slack messages whose
// time has come by the schedule (see schedules.release), each once.
func (p *passer) pass(ctx context.Context, now time.Time, plan passPlan) (passOutcome, error) {
	out := passOutcome{plan: plan}
	j := p.at(now)
	in, sent, err := readInput(ctx, j, p.b)
	if err != nil {
		return out, err
	}
	var d *activity.Dataset
	var checked []activity.Finding
	if plan.report {
		res := j.compileInput(in)
		d, checked = res.data, res.findings
		out.errors, out.warnings = activity.Count(res.findings)
		if !d.MissingColumns {
			if err := p.b.Write(ctx, j.sheets(res)); err != nil {
				return out, fmt.Errorf("write the report: %w", err)
			}
			out.wrote = true
			p.m.set(mFindings, float64(out.errors), "severity", "error")
			p.m.set(mFindings, float64(out.warnings), "severity", "warning")
		}
	} else {
		d = activity.Load(in)
	}
	if d.MissingColumns {
		return out, errMissingColumns
	}
	if !plan.slack {
		return out, nil
	}
	o := j.dueOptions(slackPass{kinds: allKinds})
	o.Checked, o.CheckedYear = checked, j.fy // the summary reuses this pass's check
	msgs := activity.Due(d, sent, now, o)
	msgs, out.held, out.next = p.sched.release(msgs, now)
	out.due = len(msgs)
	switch {
	case len(msgs) == 0:
		return out, nil
	case !j.slackSetUp():
		out.noSlack = true
		return out, nil
	}
	out.slack, err = j.deliver(ctx, p.b, sent, msgs, j.slackStyle(ctx, p.b), p.log, p.slack)
	for _, r := range out.slack.Sent {
		p.m.add(mSent, 1, "kind", string(r.Kind))
	}
	for _, r := range out.slack.Recovered {
		p.m.add(mRecovered, 1, "kind", string(r.Kind))
	}
	if n := len(out.slack.Problems); n > 0 {
		p.m.add(mUndeliverable, float64(n))
	}
	return out, err
}

// logOutcome logs what a pass did, in counts only: no name, no cell. A
// pass that failed says what it did before it stopped; the caller logs
// the error.
func logOutcome(log *slog.Logger, job string, out passOutcome, took time.Duration, failed bool) {
	attrs := []any{"job", job, "took", took.Round(time.Millisecond).String()}
	if out.wrote {
		attrs = append(attrs, "report_written", true, "errors", out.errors, "warnings", out.warnings)
	}
	if out.plan.slack {
		attrs = append(attrs, "due", out.due, "waiting_for_schedule", out.held)
		if out.held > 0 {
			attrs = append(attrs, "next_release", out.next.Format(time.RFC3339))
		}
		attrs = append(attrs, "sent", len(out.slack.Sent), "recovered", len(out.slack.Recovered), "already_sent", out.slack.Skipped)
	}
	msg := "pass done"
	if failed {
		msg = "pass stopped by an error"
	}
	log.Info(msg, attrs...)
	if out.noSlack {
		log.Warn("messages are due but Slack is not set up: set SLACK_BOT_TOKEN (or SLACK_WEBHOOK_URL)", "job", job, "due", out.due)
	}
	if n := len(out.slack.Problems); n > 0 {
		log.Warn("some Slack messages could not be sent; `katsudo doctor` says which members and how to fix it", "job", job, "undeliverable", n)
	}
}
