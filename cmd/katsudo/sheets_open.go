package main

import (
	"context"

	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/sync/sheets"
)

// openSheets opens the Google spreadsheet named in the config.
func openSheets(ctx context.Context, j *settings, e env) (book, error) {
	return openSpreadsheet(ctx, j, e)
}

// openSpreadsheet opens the spreadsheet signed in with the first
// credentials found (see googleCredentials). The members' tabs are
// read-only to it.
func openSpreadsheet(ctx context.Context, j *settings, e env) (*sheets.Spreadsheet, error) {
	creds, err := googleCredentials(j, e)
	if err != nil {
		return nil, err
	}
	t := (&clerk.Clerk{Config: j.cfg}).Tabs()
	return sheets.OpenSpreadsheet(ctx, sheets.SheetsConfig{
		ID: j.cfg.SpreadsheetID, Credentials: creds, Endpoint: j.cfg.SheetsEndpoint,
		ReadOnly: []string{t.Log, t.Programs, t.Members},
		Logger:   j.logger(e),
	})
}

// googleCredentials is what katsudo signs in to Google with
// (sheets.FindCredentials).
func googleCredentials(j *settings, e env) (sheets.Credentials, error) {
	return sheets.FindCredentials(j.cfg.GoogleCredentialsFile, e.getenv)
}
