package main

import (
	"context"
	"errors"
)

// runRemind sends the reminders that are due.
func runRemind(ctx context.Context, e env, args []string) error {
	return errors.New("remind is not built yet")
}

// runSummary posts the monthly summary when it is due.
func runSummary(ctx context.Context, e env, args []string) error {
	return errors.New("summary is not built yet")
}
