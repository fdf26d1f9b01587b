package main

import (
	"context"
	"errors"
)

// openSheets opens the Google spreadsheet named in the config.
func openSheets(ctx context.Context, j *job, e env) (book, error) {
	return nil, errors.New("Google Sheets is not supported by this build yet; export the spreadsheet as .xlsx and pass --workbook FILE.xlsx")
}
