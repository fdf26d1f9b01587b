package clerk

import (
	"context"
	"io"
	"log/slog"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/config"
)

// Book is the organisation's spreadsheet: the Google spreadsheet or a
// local workbook. Read reads whole tabs in one request; a tab that does
// not exist fails the read with an *activity.TabNotFoundError. Write
// replaces whole tabs in one request and touches no other tab. A Book
// that is also an Appender (both adapters are) lets the 送信履歴 tab grow
// by appended rows instead of being rewritten.
type Book interface {
	Read(ctx context.Context, tabs []string) (map[string]activity.Grid, error)
	Write(ctx context.Context, sheets []activity.Sheet) error
}

// SheetIDer is a Book that knows its tabs' sheet IDs (the gid in a Google
// Sheets link), so that a reminder's link opens the member's row, from
// the answers to its writes and without asking; the Google Sheets adapter
// is one.
type SheetIDer interface {
	KnownSheetIDs() map[string]int64
}

// Committer is a Book that replaces tabs and appends rows to another tab
// in one request, all or nothing: a pass's report and its claims on the
// messages it is about to send go in one write. after is the number of
// rows of tab the pass read; the answer is the A1 range the rows landed
// in (further down than after+1 when another run appended in between).
// Both adapters are Committers.
type Committer interface {
	Commit(ctx context.Context, sheets []activity.Sheet, tab string, after int, rows [][]string) (string, error)
}

// Messenger is Slack for one delivery: it sends each message that the
// store has not recorded and tells the store what it sent. bot.Sender is
// the real one.
type Messenger interface {
	Deliver(ctx context.Context, msgs []activity.Message, st bot.Style, store bot.Store) (bot.Outcome, error)
}

// Clerk does katsudo's work on one spreadsheet for one organisation. Its
// fields are set once, by the command line; a Clerk may do many passes
// (serve), one at a time.
type Clerk struct {
	// Config is the organisation's settings: tabs, calendar, language.
	Config config.Config
	// Book is the spreadsheet.
	Book Book
	// Slack returns a Messenger for one delivery (it remembers the
	// members it looked up for that delivery only); nil when neither a
	// bot token nor a webhook is set.
	Slack func() Messenger
	// Year is the fiscal year compiled, by the year it starts in; 0 is
	// the year being filed (activity.ReportingYear): last year until its
	// filing deadline has passed, then the current one.
	Year int
	// Schedules say when each kind of message may go out (see Release).
	Schedules Schedules
	// Log receives counts and warnings, never a cell or a message body.
	Log *slog.Logger
	// Buttons puts 「記入する」 and 「活動なし」 on reminders: set when
	// serve takes members' requests from Slack (see Desk).
	Buttons bool
	// Holder names this katsudo — its machine and lock file — in the
	// claims it writes. The caller sets it only while it holds the lock:
	// a claim by the same holder and another run is then a run that has
	// ended (it crashed before confirming), not one still sending. ""
	// when katsudo runs without a lock.
	Holder string
	// Lease is how long a run's claims hold (default DefaultLease).
	Lease time.Duration
	// Clock measures how long a run has been sending, against its lease
	// (default time.Now). It is not the pass's moment, which every method
	// takes as an argument.
	Clock func() time.Time
}

func (c *Clerk) lease() time.Duration {
	if c.Lease <= 0 {
		return DefaultLease
	}
	return c.Lease
}

func (c *Clerk) clock() time.Time {
	if c.Clock == nil {
		return time.Now()
	}
	return c.Clock()
}

// log is the clerk's logger, or one that discards.
func (c *Clerk) log() *slog.Logger {
	if c.Log == nil {
		return slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return c.Log
}

// Lang is the organisation's language for messages and findings.
func (c *Clerk) Lang() activity.Lang { return activity.Lang(c.Config.Language) }

// Tabs are the organisation's tab names.
func (c *Clerk) Tabs() activity.Tabs {
	t := c.Config.Tabs
	return activity.Tabs{Log: t.Log, Programs: t.Programs, Members: t.Members, Report: t.Report, Findings: t.Findings, Sent: t.Sent}
}

// FiscalYear is the year compiled at now: the one Year names, else the
// year being filed.
func (c *Clerk) FiscalYear(now time.Time) activity.FiscalYear {
	if c.Year != 0 {
		fy := activity.FiscalYearOf(now.In(c.Config.Location), c.Config.FiscalYearStartMonth)
		fy.Year = c.Year
		return fy
	}
	return activity.ReportingYear(now, c.Config.Location, c.Config.FiscalYearStartMonth)
}

// options are the report's settings. The report is in Japanese whatever
// the organisation's language: it is the 事業報告書 filed with the
// prefecture and published (SPEC §6: language is for Slack messages and
// findings).
func (c *Clerk) options() activity.Options {
	return activity.Options{
		Organization: c.Config.Organization, Language: activity.Japanese,
		Sen: c.Config.Unit == "sen", StaffTotal: c.Config.StaffBasis == "total",
	}
}
