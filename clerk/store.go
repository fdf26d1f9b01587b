package clerk

import (
	"context"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
)

// SentKeep is how long the 送信履歴 tab keeps a record: a key older than
// that is never due again.
const SentKeep = 400 * 24 * time.Hour

// sentStore is the 送信履歴 tab as the bot's record of what was sent. It
// is read once; each Record reads it again (another run may have added
// to it), merges, and writes it whole in one Write, the same one-request
// rule as the report.
type sentStore struct {
	c   *Clerk
	now time.Time
	log *activity.SentLog
}

// Recorded reports whether the tab, as read, holds the key.
func (s *sentStore) Recorded(key string) bool { return s.log.Has(key) }

// Record adds sent messages to the tab.
func (s *sentStore) Record(ctx context.Context, recs []activity.SentRecord) error {
	fresh, err := s.c.readSent(ctx)
	if err != nil {
		return err
	}
	for _, r := range append(append([]activity.SentRecord(nil), s.log.Records...), recs...) {
		fresh.Add(r)
	}
	fresh.Prune(s.now.Add(-SentKeep))
	if err := s.c.Book.Write(ctx, []activity.Sheet{fresh.Sheet(s.c.Tabs().Sent, s.c.Lang(), s.c.Config.Location)}); err != nil {
		return err
	}
	s.log = fresh
	return nil
}
