package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/lockfile"
)

// lockWait is how long remind and summary, typed by a person, wait for
// another katsudo working on the same spreadsheet before they stand by.
var lockWait = 30 * time.Second

// errStandBy ends remind or summary without doing anything: another
// katsudo kept the lock for longer than lockWait, and sends what is due
// itself.
var errStandBy = errors.New("another katsudo holds the lock")

// lockToSend takes the lock every sending command holds, so that two
// katsudo on one machine never send at once: it waits up to lockWait,
// saying so once in the organisation's language, then stands by with
// errStandBy. A system without file locks is warned about and runs.
func lockToSend(ctx context.Context, e env, j *settings) (*lockfile.Lock, error) {
	path := lockPath(j, e.getenv)
	wctx, cancel := context.WithTimeout(ctx, lockWait)
	defer cancel()
	l, err := lockfile.Wait(wctx, path, 200*time.Millisecond, func(holder string) {
		fmt.Fprintln(e.stderr, activity.Text{
			Ja: "別の katsudo がこのスプレッドシートで作業中です（" + holder + "）。終わるのを最大 " + lockWait.String() + " 待ちます…",
			En: "another katsudo is working on this spreadsheet (" + holder + "); waiting up to " + lockWait.String() + " for it to finish…",
		}.In(j.lang))
	})
	switch {
	case errors.Is(err, lockfile.ErrUnsupported):
		fmt.Fprintln(e.stderr, activity.Text{
			Ja: "このシステムではファイルロックが使えません。katsudo を同時に 2 つ動かさないでください",
			En: "this system has no file lock: make sure only one katsudo runs at a time",
		}.In(j.lang))
		return nil, nil
	case err != nil && ctx.Err() == nil && wctx.Err() != nil:
		fmt.Fprintln(e.stderr, activity.Text{
			Ja: "別の katsudo が作業を続けているため、何もせずに終わります。送るべきメッセージはそちらが送ります（" + lockfile.Holder(path) + "）",
			En: "another katsudo is still working, so this one did nothing; that one sends what is due (" + lockfile.Holder(path) + ")",
		}.In(j.lang))
		return nil, errStandBy
	case err != nil && ctx.Err() != nil:
		return nil, ctx.Err()
	case err != nil:
		return nil, lockError(err)
	}
	return l, nil
}

// holderID names this katsudo in the claims it writes while it holds the
// lock at path: its machine (host name, and the machine ID where the
// system has one, so that two containers given the same host name differ)
// and its lock file. Another run with the same name has ended, since this
// one holds the lock.
func holderID(path string) string {
	host, _ := os.Hostname()
	if id, err := os.ReadFile("/etc/machine-id"); err == nil && len(bytes.TrimSpace(id)) > 0 {
		host += "/" + string(bytes.TrimSpace(id))[:min(8, len(bytes.TrimSpace(id)))]
	}
	return host + ":" + path
}
