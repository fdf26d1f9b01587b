package main

import (
	"context"
	"errors"
	"log/slog"

	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/katsudo-npo/katsudo/doctor"
	"github.com/katsudo-npo/katsudo/sync/sheets"
)

// runDoctor checks, without changing anything, everything katsudo needs
// (doctor.Run); the exit status is 1 when it found a problem.
func runDoctor(ctx context.Context, e env, args []string) error {
	var f flags
	j, err := parse(newFlagSet("doctor", e, &f), &f, e, args)
	var s doctor.Setup
	if err != nil {
		var ce *config.Error
		if !errors.As(err, &ce) && !errors.Is(err, config.ErrRead) {
			return err
		}
		s.ConfigErr = err
	} else {
		s = doctor.Setup{
			Config:      j.cfg,
			Credentials: func() (sheets.Credentials, error) { return googleCredentials(j, e) },
			Spreadsheet: func(ctx context.Context) (*sheets.Spreadsheet, error) { return openSpreadsheet(ctx, j, e) },
			Open:        func(ctx context.Context) (clerk.Book, error) { return j.open(ctx, e) },
			Log:         slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelError})),
		}
	}
	if n := doctor.Run(ctx, e.stdout, s); n > 0 {
		return clerk.ErrorsFound{N: n}
	}
	return nil
}
