package sheets

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/katsudo-npo/katsudo/retry"
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
	// The retry policy, with 429 its only temporary answer; the timeout is
	// applied here, so that an attempt without an answer is not repeated.
	p := s.retry
	p.Timeout = 0
	p.OnRetry = func(r retry.Retrying) {
		s.log.WarnContext(ctx, "Google Sheets: retrying", "call", "append", "status", r.Reason, "attempt", r.Attempt, "wait", r.Wait.Round(time.Millisecond))
	}
	start := p.Now()
	var got *sheets.AppendValuesResponse
	err := p.Do(ctx, func(err error) retry.Verdict {
		if code, h, ok := httpStatus(err); ok && code == http.StatusTooManyRequests {
			return retry.Status(code, h, p.Now())
		}
		return retry.Verdict{}
	}, func(ctx context.Context) error {
		actx, cancel := context.WithTimeout(ctx, s.retry.Timeout)
		defer cancel()
		var err error
		got, err = s.svc.Spreadsheets.Values.Append(s.id, quoteTab(tab)+"!"+at, &sheets.ValueRange{Values: values}).
			ValueInputOption("RAW").InsertDataOption("INSERT_ROWS").Context(actx).Do()
		if err != nil && ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("no answer within %s: %w", s.retry.Timeout, err)
		}
		return err
	})
	if err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		attempts := 1
		var re *retry.Error
		if errors.As(err, &re) {
			attempts = re.Attempts
		}
		return "", s.explain(what, err, attempts, p.Now().Sub(start))
	}
	if got.Updates == nil {
		return "", fmt.Errorf("%s: Google Sheets said nothing of where the rows went", what)
	}
	return got.Updates.UpdatedRange, nil
}
