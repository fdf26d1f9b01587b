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
// not exist fails the read. Write replaces whole tabs in one request and
// touches no other tab.
type Book interface {
	Read(ctx context.Context, tabs []string) (map[string]activity.Grid, error)
	Write(ctx context.Context, sheets []activity.Sheet) error
}

// SheetIDer is a Book that knows its tabs' sheet IDs (the gid in a Google
// Sheets link), so that a reminder's link opens the member's row; the
// Google Sheets adapter is one.
type SheetIDer interface {
	SheetIDs(ctx context.Context) (map[string]int64, error)
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

// options are the report's settings.
func (c *Clerk) options() activity.Options {
	return activity.Options{
		Organization: c.Config.Organization, Language: c.Lang(),
		Sen: c.Config.Unit == "sen", StaffTotal: c.Config.StaffBasis == "total",
	}
}
