package sheets

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"google.golang.org/api/sheets/v4"
)

// Append adds rows at the end of a tab with one values:append request
// (insertDataOption INSERT_ROWS, so nothing below is overwritten, and
// valueInputOption RAW, so text that starts with =, +, - or @ stays text).
// at is the cell where the tab's table starts (its header's first cell,
// B3); the rows' first values go in at's column. It returns the A1 range
// the rows landed in ('活動ログ'!A57:K57). It is the one write katsudo makes
// to a tab members own: a row a member logged from Slack.
//
// Unlike the other calls, an append is not repeated after a failure that
// may have taken effect (a timeout, a dropped connection, a 500): the
// caller knows how to look for the row before trying again. Only Google's
// 429, which refuses the request before doing anything, is waited out.
func (s *Spreadsheet) Append(ctx context.Context, tab, at string, rows [][]string) (string, error) {
	what := "append " + strconv.Itoa(len(rows)) + " row(s) to " + quoteTab(tab) + " in " + s.URL()
	values := make([][]any, len(rows))
	for i, row := range rows {
		values[i] = make([]any, len(row))
		for j, v := range row {
			values[i][j] = v
		}
	}
	start := time.Now()
	for attempt := 1; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, s.retry.Timeout)
		got, err := s.svc.Spreadsheets.Values.Append(s.id, quoteTab(tab)+"!"+at, &sheets.ValueRange{Values: values}).
			ValueInputOption("RAW").InsertDataOption("INSERT_ROWS").Context(actx).Do()
		cancel()
		if err == nil {
			if got.Updates == nil {
				return "", fmt.Errorf("%s: Google Sheets said nothing of where the rows went", what)
			}
			return got.Updates.UpdatedRange, nil
		}
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		code, h, ok := httpStatus(err)
		wait := max(backoff(s.retry, attempt), retryAfter(h))
		if !ok || code != http.StatusTooManyRequests || time.Since(start)+wait > s.retry.Budget {
			if errors.Is(err, context.DeadlineExceeded) {
				err = fmt.Errorf("no answer within %s: %w", s.retry.Timeout, err)
			}
			return "", s.explain(what, err, attempt, time.Since(start))
		}
		s.log.WarnContext(ctx, "Google Sheets: retrying", "call", "append", "status", code, "attempt", attempt, "wait", wait.Round(time.Millisecond))
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case <-time.After(wait):
		}
	}
}
