package clerk

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
)

// Appender is a Book that can add rows at the end of a tab members own —
// the one write katsudo makes there, for a row a member logged from
// Slack. at is the cell where the tab's table starts (its header's first
// cell); the answer is the A1 range the rows landed in.
type Appender interface {
	Append(ctx context.Context, tab, at string, rows [][]string) (string, error)
}

// Desk takes in the rows members log from Slack (bot.Intake asks it):
// it keeps the spreadsheet as last read, for the answers Slack wants
// within 3 seconds, and appends each submitted row to 活動ログ exactly
// once.
//
// Exactly once rests on the 送信履歴 tab, the same outbox Slack messages
// go through. Each row has an idempotency key (the modal and its values;
// for 活動なし, the program, month and member). Before appending, Take
// claims the key there (kind entry, state claimed, appended); after, it
// confirms it (state sent, the row's reference in the ts column). A key
// already confirmed is not appended again (a double click, an envelope
// Slack delivers twice). A key an earlier try claimed but never confirmed
// — katsudo stopped, or Google's answer was lost, between the append and
// the record — is looked for in the log first: the identical row found
// is confirmed instead of appended a second time. A live claim of
// another katsudo run on the same key leaves the row to that run.
type Desk struct {
	c   *Clerk
	app Appender
	now func() time.Time
	mu  sync.Mutex // one Take or Reload at a time in this process
	cur atomic.Pointer[activity.Dataset]
}

// ErrNoAppend means the book cannot take rows (it has no Append).
var ErrNoAppend = errors.New("this spreadsheet cannot take rows from Slack")

// Desk returns the desk for rows logged from Slack; now is the clock.
func (c *Clerk) Desk(now func() time.Time) (*Desk, error) {
	a, ok := c.Book.(Appender)
	if !ok {
		return nil, ErrNoAppend
	}
	if now == nil {
		now = time.Now
	}
	return &Desk{c: c, app: a, now: now}, nil
}

var _ bot.Desk = (*Desk)(nil)

// Current is the spreadsheet as last read, or nil before the first read.
func (d *Desk) Current() *activity.Dataset { return d.cur.Load() }

// Reload reads the three tabs members write and makes them Current.
func (d *Desk) Reload(ctx context.Context) (*activity.Dataset, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	in, err := d.c.Read(ctx)
	if err != nil {
		return nil, err
	}
	ds := activity.Load(in.Input)
	d.cur.Store(ds)
	return ds, nil
}

// Refresh makes a dataset a pass has just read Current, so the modal and
// the App Home follow the spreadsheet without a read of their own.
func (d *Desk) Refresh(ds *activity.Dataset) {
	if ds != nil {
		d.cur.Store(ds)
	}
}

func (d *Desk) log() *slog.Logger { return d.c.log() }
