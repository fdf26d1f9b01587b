package clerk_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// crashingBook is a workbook that stops after the append: once a row is
// in the log, nothing more reaches the 送信履歴 tab, as when katsudo stops
// between appending a row and recording it.
type crashingBook struct {
	*xlsx.Workbook
	appended bool
}

func (b *crashingBook) Write(ctx context.Context, s []activity.Sheet) error {
	if b.appended {
		return errors.New("the machine stopped")
	}
	return b.Workbook.Write(ctx, s)
}

func (b *crashingBook) Append(ctx context.Context, tab, at string, rows [][]string) (string, error) {
	if b.appended {
		return "", errors.New("the machine stopped")
	}
	rng, err := b.Workbook.Append(ctx, tab, at, rows)
	b.appended = b.appended || tab == "活動ログ"
	return rng, err
}

// refusingBook cannot append: the spreadsheet is out of reach.
type refusingBook struct{ *xlsx.Workbook }

func (refusingBook) Append(context.Context, string, string, [][]string) (string, error) {
	return "", errors.New("Google Sheets did not answer")
}

func item(tb testing.TB, c *clerk.Clerk, key string) bot.Item {
	tb.Helper()
	d := activity.Load(MustRead(tb, c).Input)
	return bot.Item{Key: key, Submission: activity.Submission{Member: d.Roster.Find("会員002"), Fields: map[string]string{
		"program": "1-1", "date": "2021-11-20", "description": "=SUM(A1:A9)", "expense": "0", "status": "実施",
	}}}
}

// MustRead reads the clerk's book.
func MustRead(tb testing.TB, c *clerk.Clerk) clerk.Input {
	tb.Helper()
	in, err := c.Read(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return in
}

func MustDesk(tb testing.TB, c *clerk.Clerk) *clerk.Desk {
	tb.Helper()
	d, err := c.Desk(func() time.Time { return dec1 })
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func TestTakeExactlyOnce(t *testing.T) {
	ctx := context.Background()
	t.Run("CrashBetweenAppendAndRecordAddsNoSecondRow", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 2)
		crash := &crashingBook{Workbook: xlsx.OpenWorkbook(wb)}
		c := MustClerk(t, crash, nil)
		it := item(t, c, "entry/V1/abc")
		got, err := MustDesk(t, c).Take(ctx, []bot.Item{it})
		if err != nil {
			t.Fatalf("first try: %v (the row went in; only its record failed)", err)
		}
		if n := logRows(t, crash, "2021-11-20", "=SUM(A1:A9)", "会員002"); n != 1 {
			t.Fatalf("rows after the first try = %d, want 1", n)
		}
		if st := sentStates(t, wb)["entry/V1/abc"]; st != "claimed" {
			t.Fatalf("sent tab says %q for the key, want only the claim", st)
		}
		// katsudo starts again; Slack delivers the submission again.
		c2 := MustClerk(t, xlsx.OpenWorkbook(wb), nil)
		again, err := MustDesk(t, c2).Take(ctx, []bot.Item{it})
		if err != nil {
			t.Fatal(err)
		}
		if n := logRows(t, crash, "2021-11-20", "=SUM(A1:A9)", "会員002"); n != 1 {
			t.Errorf("rows after the retry = %d, want 1", n)
		}
		if again.Refs[0] != got.Refs[0] {
			t.Errorf("retry points at %s, want the first try's %s", again.Refs[0], got.Refs[0])
		}
		if ref := sentKeys(t, wb)["entry/V1/abc"]; ref != got.Refs[0] {
			t.Errorf("confirmed ref = %q, want %q", ref, got.Refs[0])
		}
	})
	t.Run("UnreachableSpreadsheetAddsNoRowAndARetryAddsOne", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 2)
		c := MustClerk(t, refusingBook{xlsx.OpenWorkbook(wb)}, nil)
		it := item(t, c, "entry/V2/abc")
		if _, err := MustDesk(t, c).Take(ctx, []bot.Item{it}); err == nil {
			t.Fatal("append that failed reported success")
		}
		b := xlsx.OpenWorkbook(wb)
		if n := logRows(t, b, "2021-11-20", "会員002"); n != 0 {
			t.Fatalf("rows = %d, want 0", n)
		}
		if _, err := MustDesk(t, MustClerk(t, b, nil)).Take(ctx, []bot.Item{it}); err != nil {
			t.Fatal(err)
		}
		if n := logRows(t, b, "2021-11-20", "会員002"); n != 1 {
			t.Errorf("rows after the retry = %d, want 1", n)
		}
	})
	t.Run("AnswerLostAfterTheAppendIsNoFailure", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 2)
		srv, b := MustSheetsBook(t, wb)
		c := MustClerk(t, b, nil)
		srv.Fail(sheetstest.KindAppend, sheetstest.Fault{Status: http.StatusInternalServerError, Halfway: true})
		got, err := MustDesk(t, c).Take(ctx, []bot.Item{item(t, c, "entry/V3/abc")})
		if err != nil {
			t.Fatalf("Take: %v (the row went in)", err)
		}
		if n := logRows(t, b, "2021-11-20", "会員002"); n != 1 || !strings.HasPrefix(got.Refs[0], "活動ログ!A") {
			t.Errorf("rows = %d, ref %q; want 1 row found after the lost answer", n, got.Refs[0])
		}
		if n := logAppends(srv); n != 1 {
			t.Errorf("appends = %d, want 1", n)
		}
	})
	t.Run("ProgramRemovedMeanwhileAddsNoRow", func(t *testing.T) {
		wb := MustWorkbook(t, t.TempDir(), 2)
		b := xlsx.OpenWorkbook(wb)
		c := MustClerk(t, b, nil)
		it := item(t, c, "entry/V4/abc")
		it.Submission.Fields["program"] = "1-9"
		got, err := MustDesk(t, c).Take(ctx, []bot.Item{it})
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Problems) == 0 || got.Problems[0].Code != activity.CodeUnknownProgram {
			t.Errorf("problems = %+v, want unknown-program", got.Problems)
		}
		if n := logRows(t, b, "2021-11-20", "会員002"); n != 0 {
			t.Errorf("rows = %d, want 0", n)
		}
	})
}

// sentStates is the last state the 送信履歴 tab gives each key: sent when
// any row says so, else claimed.
func sentStates(tb testing.TB, wb string) map[string]string {
	tb.Helper()
	grids, err := xlsx.OpenWorkbook(wb).Read(context.Background(), []string{"送信履歴"})
	if err != nil {
		tb.Fatal(err)
	}
	l, _ := activity.ReadSentLog("送信履歴", grids["送信履歴"])
	out := map[string]string{}
	for _, r := range l.Records {
		if out[r.Key] != "sent" {
			out[r.Key] = string(r.State)
			if r.Sent() {
				out[r.Key] = "sent"
			}
		}
	}
	return out
}
