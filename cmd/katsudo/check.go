package main

import (
	"context"

	"github.com/katsudo-npo/katsudo/clerk"
)

// runCheck prints every finding; the exit status is 1 when any is an error.
func runCheck(ctx context.Context, e env, args []string) error {
	var f flags
	j, err := parse(newFlagSet("check", e, &f), &f, e, args)
	if err != nil {
		return err
	}
	b, err := j.open(ctx, e)
	if err != nil {
		return err
	}
	return j.clerk(b, j.logger(e), nil).Check(ctx, j.terminal(e), j.now)
}

// runReport compiles the report, writes the report and findings tabs in
// one write, and prints the report. When a required header is missing it
// prints the findings and writes nothing.
func runReport(ctx context.Context, e env, args []string) error {
	var f flags
	j, err := parse(newFlagSet("report", e, &f), &f, e, args)
	if err != nil {
		return err
	}
	b, err := j.open(ctx, e)
	if err != nil {
		return err
	}
	return j.clerk(b, j.logger(e), nil).Report(ctx, j.terminal(e), j.now)
}

// terminal is where the command's results go, as the flags ask.
func (j *settings) terminal(e env) clerk.Terminal {
	return clerk.Terminal{Out: e.stdout, Err: e.stderr, JSON: j.json}
}

// dryRun is `run --dry-run`: what a pass would write and send now
// (clerk.DryRun); it takes no lock.
func dryRun(ctx context.Context, e env, j *settings) error {
	b, err := j.open(ctx, e)
	if err != nil {
		return err
	}
	return j.clerk(b, j.logger(e), nil).DryRun(ctx, e.stdout, j.now)
}
