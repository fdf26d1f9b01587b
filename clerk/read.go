package clerk

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
)

// Input is what one pass reads: the three tabs members write and the
// 送信履歴 record of what was sent.
type Input struct {
	activity.Input
	Sent *activity.SentLog
	// The 送信履歴 tab as read: its table (nil when blank or missing),
	// its rows up to the last non-empty one, and whether it is missing.
	sentTable   *activity.Table
	sentRows    int
	sentMissing bool
}

// Read reads the three tabs members write and the 送信履歴 record in one
// request. A 送信履歴 tab not created yet is an empty record: the three
// are then read again without it, which happens until katsudo has sent
// its first message.
func (c *Clerk) Read(ctx context.Context) (Input, error) {
	t := c.Tabs()
	grids, err := c.Book.Read(ctx, []string{t.Log, t.Programs, t.Members, t.Sent})
	sentMissing := missingTab(err) == t.Sent
	if sentMissing {
		grids, err = c.Book.Read(ctx, []string{t.Log, t.Programs, t.Members})
	}
	if err != nil {
		return Input{}, err
	}
	in := Input{Input: activity.Input{Tabs: t, Log: grids[t.Log], Programs: grids[t.Programs], Members: grids[t.Members]}}
	if sentMissing {
		in.Sent, in.sentMissing = &activity.SentLog{}, true
		return in, nil
	}
	err = c.parseSent(&in, grids[t.Sent])
	return in, err
}

// missingTab is the tab a read failed for because it does not exist, or "".
func missingTab(err error) string {
	var nf *activity.TabNotFoundError
	if errors.As(err, &nf) {
		return nf.Tab
	}
	return ""
}

// readSentTab reads the 送信履歴 tab alone; a tab not created yet is an
// empty record.
func (c *Clerk) readSentTab(ctx context.Context) (Input, error) {
	tab := c.Tabs().Sent
	var in Input
	grids, err := c.Book.Read(ctx, []string{tab})
	if missingTab(err) == tab {
		in.Sent, in.sentMissing = &activity.SentLog{}, true
		return in, nil
	}
	if err != nil {
		return in, err
	}
	err = c.parseSent(&in, grids[tab])
	return in, err
}

// readSent reads the 送信履歴 record alone; a tab not created yet is an
// empty record.
func (c *Clerk) readSent(ctx context.Context) (*activity.SentLog, error) {
	in, err := c.readSentTab(ctx)
	return in.Sent, err
}

// parseSent reads the record from the tab's grid. A tab whose キー column
// is gone stops katsudo: it could not tell what it sent.
func (c *Clerk) parseSent(in *Input, g activity.Grid) error {
	l, t, fs := activity.ReadSentTable(c.Tabs().Sent, g)
	if len(fs) > 0 {
		return errors.New(fs[0].Message.In(c.Lang()) + activity.Text{
			Ja: "（何を送ったか分からないため、何も送りません）",
			En: " (katsudo cannot tell what it sent, so it sends nothing)",
		}.In(c.Lang()))
	}
	in.Sent, in.sentTable, in.sentRows = l, t, filledRows(g)
	return nil
}

// filledRows is the number of rows up to the last non-empty one.
func filledRows(g activity.Grid) int {
	for n := len(g); n > 0; n-- {
		for _, c := range g[n-1] {
			if c.String() != "" {
				return n
			}
		}
	}
	return 0
}

// Result is the year compiled: the log as read, the report and every
// finding.
type Result struct {
	Data     *activity.Dataset
	Report   *activity.Report
	Findings []activity.Finding
	Year     activity.FiscalYear
}

// Compile reads the three tabs members write and compiles and checks the
// year at now. It writes nothing.
func (c *Clerk) Compile(ctx context.Context, now time.Time) (*Result, error) {
	t := c.Tabs()
	grids, err := c.Book.Read(ctx, []string{t.Log, t.Programs, t.Members})
	if err != nil {
		return nil, err
	}
	return c.compile(activity.Input{Tabs: t, Log: grids[t.Log], Programs: grids[t.Programs], Members: grids[t.Members]}, now), nil
}

// compile runs the pure pipeline on tabs already read.
func (c *Clerk) compile(in activity.Input, now time.Time) *Result {
	fy := c.FiscalYear(now)
	d := activity.Load(in)
	r := activity.Compile(d, fy, c.options())
	return &Result{Data: d, Report: r, Findings: activity.Check(d, r, fy, now, c.Config.Location), Year: fy}
}

// Sheets are the tabs katsudo writes for a result: the report and the
// findings.
func (c *Clerk) Sheets(res *Result) []activity.Sheet {
	t := c.Tabs()
	return []activity.Sheet{res.Report.Sheet(t.Report), activity.FindingsSheet(t.Findings, res.Findings, c.Lang(), res.Report.ReconciliationText())}
}

// WriteTabs writes the report and findings tabs in one write. A log
// missing a required header is not written from: ErrMissingColumns.
func (c *Clerk) WriteTabs(ctx context.Context, res *Result) error {
	if res.Data.MissingColumns {
		return ErrMissingColumns
	}
	if err := c.Book.Write(ctx, c.Sheets(res)); err != nil {
		return fmt.Errorf("write the report: %w", err)
	}
	return nil
}

// ErrMissingColumns stops a pass: a required header is missing, so
// katsudo writes nothing and sends nothing.
var ErrMissingColumns = errors.New("a required header is missing (see katsudo check): nothing was written or sent")
