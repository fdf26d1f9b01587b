package main

import (
	"context"
	"errors"

	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/retry"
	"github.com/katsudo-npo/katsudo/sync/sheets"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// Exit statuses, as the README promises: 0 all is well; 1 the command
// ran and did not fully succeed — `check` found an error, a header is
// missing, `doctor` found a problem, a Slack recipient could not be
// reached, or Google or Slack failed or refused; 2 the command line, the
// config or a file katsudo was pointed at is wrong, with a one-line
// reason. A script can tell "fix how katsudo is called" (2) from "look at
// what it said" (1).
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

// googleOrSlack are the kinds of error Google and Slack answer with: a
// run they made fail, never a usage problem, whatever the fix.
var googleOrSlack = []error{
	sheets.ErrNoAccess, sheets.ErrSpreadsheetNotFound, sheets.ErrSignIn,
	sheets.ErrAPIDisabled, sheets.ErrUnavailable, sheets.ErrRefused,
	// The local workbook is open in an editor or read-only: the run did
	// not write, and --force is the way through.
	xlsx.ErrInUse, xlsx.ErrReadOnly,
}

// exitCode is the status a command's error ends katsudo with.
func exitCode(err error) int {
	var re *retry.Error
	switch {
	case err == nil:
		return exitOK
	case found(err), bot.Failed(err), errors.As(err, &re),
		errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return exitFindings
	}
	for _, kind := range googleOrSlack {
		if errors.Is(err, kind) {
			return exitFindings
		}
	}
	return exitUsage
}
