package main

import (
	"context"
	"errors"
)

// runDoctor checks the config, credentials, spreadsheet and Slack.
func runDoctor(ctx context.Context, e env, args []string) error {
	return errors.New("doctor is not built yet")
}
