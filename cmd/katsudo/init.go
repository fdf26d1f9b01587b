package main

import (
	"context"
	"errors"
)

// runInit writes a commented katsudo.yaml and sets up the spreadsheet's tabs.
func runInit(ctx context.Context, e env, args []string) error {
	return errors.New("init is not built yet")
}
