package main

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
)

// sentKeep is how long the 送信履歴 tab keeps a record: a key older than
// that is never due again.
const sentKeep = 400 * 24 * time.Hour

// sentStore is the 送信履歴 tab as the bot's record of what was sent. It
// is read once; each Record reads it again (another run may have added
// to it), merges, and writes it whole in one Write, the same one-request
// rule as the report.
type sentStore struct {
	b   book
	tab string
	j   *job
	log *activity.SentLog
}

// readSent reads the tab; a tab not created yet is an empty record. A tab
// whose キー column is gone stops katsudo: it could not tell what it sent.
func readSent(ctx context.Context, b book, tab string, lang activity.Lang) (*activity.SentLog, error) {
	grids, err := b.Read(ctx, []string{tab})
	var nf *activity.TabNotFoundError
	if errors.As(err, &nf) {
		return &activity.SentLog{}, nil
	}
	if err != nil {
		return nil, err
	}
	return parseSent(tab, grids[tab], lang)
}

// parseSent reads the record from the tab's grid, already read.
func parseSent(tab string, g activity.Grid, lang activity.Lang) (*activity.SentLog, error) {
	l, fs := activity.ReadSentLog(tab, g)
	if len(fs) > 0 {
		return nil, errors.New(fs[0].Message.In(lang) + activity.Text{
			Ja: "（何を送ったか分からないため、何も送りません）",
			En: " (katsudo cannot tell what it sent, so it sends nothing)",
		}.In(lang))
	}
	return l, nil
}

// Recorded reports whether the tab, as read, holds the key.
func (s *sentStore) Recorded(key string) bool { return s.log.Has(key) }

// Record adds sent messages to the tab.
func (s *sentStore) Record(ctx context.Context, recs []activity.SentRecord) error {
	fresh, err := readSent(ctx, s.b, s.tab, s.j.lang)
	if err != nil {
		return err
	}
	for _, r := range append(append([]activity.SentRecord(nil), s.log.Records...), recs...) {
		fresh.Add(r)
	}
	fresh.Prune(s.j.now.Add(-sentKeep))
	if err := s.b.Write(ctx, []activity.Sheet{fresh.Sheet(s.tab, s.j.lang, s.j.cfg.Location)}); err != nil {
		return err
	}
	s.log = fresh
	return nil
}

// sheetIDer is a book that knows its tabs' sheet IDs (the gid in a Google
// Sheets URL); the Google Sheets adapter is one.
type sheetIDer interface {
	SheetIDs(ctx context.Context) (map[string]int64, error)
}

// sheetLink opens the Google spreadsheet at a reference: the tab by its
// gid and the cell or row by range (…/edit#gid=123&range=A17). A local
// workbook has no links; without gids the link opens the spreadsheet.
func (j *job) sheetLink(ctx context.Context, b book) func(ref string) string {
	if j.cfg.Workbook != "" || j.cfg.SpreadsheetID == "" {
		return nil
	}
	base := "https://docs.google.com/spreadsheets/d/" + j.cfg.SpreadsheetID + "/edit"
	var gids map[string]int64
	if g, ok := b.(sheetIDer); ok {
		gids, _ = g.SheetIDs(ctx) // a link without a gid still opens the spreadsheet
	}
	return func(ref string) string {
		tab, cell, _ := strings.Cut(ref, "!")
		gid, ok := gids[tab]
		if !ok {
			return base
		}
		u := base + "#gid=" + strconv.FormatInt(gid, 10)
		if cell != "" {
			u += "&range=" + cell
		}
		return u
	}
}
