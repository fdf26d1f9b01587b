package clerk_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/bot/slacktest"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
)

// TestAckDoesNotWaitForGoogle: with Google Sheets answering in 10 seconds,
// a submission is acknowledged (Slack allows 3) before the spreadsheet is
// read or written; the row follows.
func TestAckDoesNotWaitForGoogle(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for a 10-second Google Sheets answer")
	}
	wb := MustWorkbook(t, t.TempDir(), 2)
	srv, b := MustSheetsBook(t, wb)
	s := MustSlack(t, 2)
	c := MustClerk(t, b, s)
	in, desk := MustIntake(t, c, s, dec1)
	if _, err := desk.Reload(t.Context()); err != nil {
		t.Fatal(err)
	}
	srv.Fail(sheetstest.KindBatchGet, sheetstest.Fault{Delay: 10 * time.Second})
	fields := map[string]string{"program": "1-1", "date": "2021-11-14", "expense": "0", "status": "実施"}
	_, ack := MustDeliver(t, s, "interactive", submission("U001", "V9", fields))
	if errs := ackErrors(t, ack); errs != nil {
		t.Fatalf("errors %v", errs)
	}
	// The ack is in; Google has not answered the read yet, so nothing
	// can have been appended.
	if n := logAppends(srv); n != 0 {
		t.Fatalf("appends before the ack = %d, want 0", n)
	}
	in.Wait()
	if n := logAppends(srv); n != 1 {
		t.Errorf("appends after = %d, want 1", n)
	}
}

// BenchmarkSubmission measures, through Socket Mode, the real slack-go
// client and the Google Sheets fake: the time from delivering a
// submission to its acknowledgement (ack-ns), from delivering it to the
// row being in the log (row-ns), and the Sheets and Slack calls one
// submission makes.
func BenchmarkSubmission(b *testing.B) {
	wb := MustWorkbook(b, b.TempDir(), 2)
	srv, book := MustSheetsBook(b, wb)
	s := MustSlack(b, 2)
	c := MustClerk(b, book, s)
	in, desk := MustIntake(b, c, s, dec1)
	if _, err := desk.Reload(b.Context()); err != nil {
		b.Fatal(err)
	}
	in.Wait()
	srv.ResetCounts()
	slackBefore := len(s.Calls())
	var ackTotal, rowTotal time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		fields := map[string]string{"program": "1-1", "date": "2021-11-14", "expense": fmt.Sprint(i), "status": "実施"}
		id, err := s.Deliver("interactive", submission("U001", fmt.Sprintf("VB%d", i), fields))
		if err != nil {
			b.Fatal(err)
		}
		a := MustAck(b, s, id)
		in.Wait()
		done := time.Now()
		sent := s.Envelope(id).Sent
		ackTotal += a.At.Sub(sent)
		rowTotal += done.Sub(sent)
		if errs := ackErrors(b, a); errs != nil {
			b.Fatalf("errors %v", errs)
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(ackTotal.Nanoseconds())/n, "ack-ns")
	b.ReportMetric(float64(rowTotal.Nanoseconds())/n, "row-ns")
	b.ReportMetric(float64(len(srv.Requests()))/n, "sheets-calls")
	b.ReportMetric(float64(len(s.Calls())-slackBefore)/n, "slack-calls")
	_ = slacktest.Token
}
