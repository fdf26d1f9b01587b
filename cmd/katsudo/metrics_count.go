package main

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/clerk"
)

// countingBook counts the reads and writes of a book, each one request to
// Google Sheets (the adapter reads every tab in one values:batchGet and
// writes in one batchUpdate; its own retries are not counted). A local
// workbook counts under api="workbook".
type countingBook struct {
	book
	m   *metrics
	api string
}

// Read counts one read and reads.
func (c countingBook) Read(ctx context.Context, tabs []string) (map[string]activity.Grid, error) {
	c.m.add(mAPIRequests, 1, "api", c.api, "call", "read")
	return c.book.Read(ctx, tabs)
}

// Write counts one write and writes.
func (c countingBook) Write(ctx context.Context, sheets []activity.Sheet) error {
	c.m.add(mAPIRequests, 1, "api", c.api, "call", "write")
	return c.book.Write(ctx, sheets)
}

// Commit counts one write and writes the tabs with the appended rows.
func (c countingBook) Commit(ctx context.Context, sheets []activity.Sheet, tab string, after int, rows [][]string) (string, error) {
	com, ok := c.book.(clerk.Committer)
	if !ok {
		return "", clerk.ErrNoAppend
	}
	c.m.add(mAPIRequests, 1, "api", c.api, "call", "write")
	return com.Commit(ctx, sheets, tab, after, rows)
}

// SheetIDs counts one metadata request and asks for the tabs' gids.
func (c countingBook) SheetIDs(ctx context.Context) (map[string]int64, error) {
	g, ok := c.book.(interface {
		SheetIDs(context.Context) (map[string]int64, error)
	})
	if !ok {
		return nil, nil
	}
	c.m.add(mAPIRequests, 1, "api", c.api, "call", "metadata")
	return g.SheetIDs(ctx)
}

// KnownSheetIDs passes the tabs' gids through for links into the
// spreadsheet; knowing them costs no request.
func (c countingBook) KnownSheetIDs() map[string]int64 {
	if g, ok := c.book.(clerk.SheetIDer); ok {
		return g.KnownSheetIDs()
	}
	return nil
}

// countingTransport counts each HTTP request to Slack by Web API method
// (chat.postMessage …); a request to an incoming webhook counts as
// "webhook", never by its URL, which is a secret.
type countingTransport struct {
	next http.RoundTripper
	m    *metrics
	api  string
}

var slackMethod = regexp.MustCompile(`^[a-z]+(\.[a-zA-Z]+)+$`)

// RoundTrip counts the request and sends it.
func (t countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	method := "other"
	if t.api != "slack" {
		method = r.Method
	} else if i := strings.LastIndex(r.URL.Path, "/api/"); i >= 0 && slackMethod.MatchString(r.URL.Path[i+5:]) {
		method = r.URL.Path[i+5:]
	} else if strings.Contains(r.URL.Path, "/services/") {
		method = "webhook"
	}
	t.m.add(mAPIRequests, 1, "api", t.api, "call", method)
	return t.next.RoundTrip(r)
}

// countingClient is an HTTP client whose requests are counted under api,
// each given at most timeout.
func countingClient(m *metrics, api string, timeout time.Duration) *http.Client {
	return &http.Client{Timeout: timeout, Transport: countingTransport{next: http.DefaultTransport, m: m, api: api}}
}

// Append counts one append (a row a member logged from Slack) and
// appends, when the book can.
func (c countingBook) Append(ctx context.Context, tab, at string, rows [][]string) (string, error) {
	a, ok := c.book.(clerk.Appender)
	if !ok {
		return "", clerk.ErrNoAppend
	}
	c.m.add(mAPIRequests, 1, "api", c.api, "call", "append")
	return a.Append(ctx, tab, at, rows)
}
