package main

import (
	"context"
	"errors"
)

// runLogin runs the OAuth installed-app flow once and keeps the refresh token.
func runLogin(ctx context.Context, e env, args []string) error {
	return errors.New("login is not built yet")
}
