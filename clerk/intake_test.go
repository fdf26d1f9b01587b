package clerk_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/bot/slacktest"
	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/sync/sheets"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

const sheetID = "1IntakeSpreadsheetxxxxxxxxxxxxxxxxxxxxxxxx"

// MustSheetsBook puts the workbook's tabs into a fake Google spreadsheet
// and opens it with the real client.
func MustSheetsBook(tb testing.TB, wb string) (*sheetstest.Server, clerk.Book) {
	tb.Helper()
	tabs := []string{"活動ログ", "事業", "会員"}
	grids, err := xlsx.OpenWorkbook(wb).Read(context.Background(), tabs)
	if err != nil {
		tb.Fatal(err)
	}
	srv := sheetstest.New(tb)
	var st []sheetstest.Tab
	for _, t := range tabs {
		var rows [][]any
		for _, row := range grids[t] {
			var r []any
			for _, c := range row {
				if c.IsBlank() {
					r = append(r, nil)
				} else {
					r = append(r, c.String())
				}
			}
			rows = append(rows, r)
		}
		st = append(st, sheetstest.Tab{Title: t, Rows: rows})
	}
	srv.AddSpreadsheet(sheetID, st...)
	const account = "katsudo@katsudo-test.iam.gserviceaccount.com"
	srv.Share(sheetID, account)
	creds, err := sheets.ParseCredentials(srv.ServiceAccountKey(tb, account), "key.json")
	if err != nil {
		tb.Fatal(err)
	}
	s, err := sheets.OpenSpreadsheet(context.Background(), sheets.SheetsConfig{ID: sheetID, Credentials: creds, Endpoint: srv.Endpoint(), ReadOnly: tabs})
	if err != nil {
		tb.Fatal(err)
	}
	return srv, s
}

// logRows are the log's rows that hold the text in every cell given.
func logRows(tb testing.TB, b clerk.Book, cells ...string) int {
	tb.Helper()
	grids, err := b.Read(context.Background(), []string{"活動ログ"})
	if err != nil {
		tb.Fatal(err)
	}
	n := 0
	for _, row := range grids["活動ログ"] {
		var vals []string
		for _, c := range row {
			vals = append(vals, c.String())
		}
		line := "\x00" + strings.Join(vals, "\x00") + "\x00"
		all := true
		for _, c := range cells {
			all = all && strings.Contains(line, "\x00"+c+"\x00")
		}
		if all {
			n++
		}
	}
	return n
}

// TestLogFromSlack goes the whole way through the real slack-go client
// over Socket Mode, for a local workbook and for Google Sheets: /katsudo
// → the modal → a submission with an error → the corrected submission →
// exactly one row; the same envelope again → still one row; the 活動なし
// button → the owed month's row and the DM updated in place; the home
// tab published.
func TestLogFromSlack(t *testing.T) {
	for _, kind := range []string{"Workbook", "GoogleSheets"} {
		t.Run(kind, func(t *testing.T) {
			wb := MustWorkbook(t, t.TempDir(), 2)
			var b clerk.Book = xlsx.OpenWorkbook(wb)
			if kind == "GoogleSheets" {
				_, b = MustSheetsBook(t, wb)
			}
			s := MustSlack(t, 2)
			c := MustClerk(t, b, s)
			in, _ := MustIntake(t, c, s, dec1)

			MustDeliver(t, s, "slash_commands", slash("U001", "T1"))
			in.Wait()
			views := s.Views()
			if len(views) != 1 || views[0].CallbackID != "katsudo_log" {
				t.Fatalf("views = %+v, want the modal", views)
			}
			if !strings.Contains(string(views[0].JSON), "経営管理支援") || !strings.Contains(string(views[0].JSON), `"initial_date":"2021-12-01"`) {
				t.Errorf("modal lacks the program or today's date: %s", views[0].JSON)
			}
			viewID := views[0].ID

			fields := map[string]string{"program": "1-1", "date": "2021-11-14", "description": "経営相談", "place": "横浜市", "staff": "3名", "beneficiaries": "中小企業 1社", "expense": "たくさん", "status": "実施"}
			_, ack := MustDeliver(t, s, "interactive", submission("U001", viewID, fields))
			errs := ackErrors(t, ack)
			if !strings.Contains(errs["expense"], "たくさん") {
				t.Errorf("errors = %v, want one on the expense quoting it", errs)
			}
			in.Wait()
			if n := logRows(t, b, "2021-11-14"); n != 0 {
				t.Fatalf("rows after a submission with errors = %d, want 0", n)
			}

			fields["expense"] = "1,200"
			id, ack := MustDeliver(t, s, "interactive", submission("U001", viewID, fields))
			if errs := ackErrors(t, ack); errs != nil {
				t.Fatalf("corrected submission answered with errors %v", errs)
			}
			in.Wait()
			if n := logRows(t, b, "2021-11-14", "1-1", "1,200", "会員001"); n != 1 {
				t.Fatalf("rows after the corrected submission = %d, want 1", n)
			}
			dm := lastPost(s, "D001")
			if !strings.Contains(dm.Text, "活動ログ!A") || !strings.Contains(dm.Text, "これで2021年11月分はそろいました") {
				t.Errorf("confirmation DM = %q, want the row and the month completed", dm.Text)
			}

			t.Run("RedeliveredEnvelopeAddsNoRow", func(t *testing.T) {
				posts := len(s.Posts())
				if err := s.Redeliver(id); err != nil {
					t.Fatal(err)
				}
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				if _, err := s.WaitAckN(ctx, id, 2); err != nil {
					t.Fatalf("redelivery not acknowledged: %v", err)
				}
				in.Wait()
				if n := len(s.Posts()) - posts; n != 0 {
					t.Errorf("the redelivery sent %d more DMs, want none", n)
				}
				// the redelivery is acknowledged too, and the work behind it
				// finds the row already there
				if n := logRows(t, b, "2021-11-14", "1-1", "1,200", "会員001"); n != 1 {
					t.Errorf("rows = %d, want 1", n)
				}
			})

			t.Run("NoActivityButtonLogsTheOwedMonthAndUpdatesTheDM", func(t *testing.T) {
				MustDeliver(t, s, "interactive", button("U001", "katsudo_no_activity", "D001", dm.TS))
				in.Wait()
				if n := logRows(t, b, "2021年10月", "活動なし", "会員001"); n != 1 {
					t.Errorf("October 活動なし rows of 会員001 = %d, want 1", n)
				}
				ups := s.Updates()
				if len(ups) != 1 || ups[0].TS != dm.TS || !strings.Contains(ups[0].Text, "活動なし") {
					t.Errorf("updates = %+v, want the DM updated in place", ups)
				}
				// A second click (the DM's button is gone, but a stale client
				// may still send it) finds nothing owed.
				MustDeliver(t, s, "interactive", button("U001", "katsudo_no_activity", "D001", dm.TS))
				in.Wait()
				if n := logRows(t, b, "2021年10月", "活動なし", "会員001"); n != 1 {
					t.Errorf("after a second click: %d rows, want 1", n)
				}
				if ups := s.Updates(); len(ups) != 2 || !strings.Contains(ups[1].Text, "もうありません") {
					t.Errorf("updates = %+v, want the DM to say nothing is missing any more", ups)
				}
			})

			t.Run("NoActivityFromTheHomeTabIsToldByDM", func(t *testing.T) {
				// 会員002 owes November; the click comes from the home tab.
				click := button("U002", "katsudo_no_activity", "", "")
				click["container"] = obj{"type": "view", "view_id": "VHOME"}
				click["view"] = obj{"id": "VHOME", "type": "home"}
				updates := len(s.Updates())
				MustDeliver(t, s, "interactive", click)
				in.Wait()
				if n := logRows(t, b, "2021年11月", "活動なし", "会員002"); n != 1 {
					t.Errorf("November 活動なし rows of 会員002 = %d, want 1", n)
				}
				if dm := lastPost(s, "D002"); !strings.Contains(dm.Text, "活動なし") {
					t.Errorf("DM = %q", dm.Text)
				}
				if len(s.Updates()) != updates {
					t.Error("a message was updated; the click came from the home tab")
				}
				if _, ok := s.Home("U002"); !ok {
					t.Error("the home tab was not refreshed")
				}
			})

			t.Run("HomeTabPublished", func(t *testing.T) {
				MustDeliver(t, s, "events_api", homeOpened("U001"))
				in.Wait()
				h, ok := s.Home("U001")
				if !ok {
					t.Fatal("no home tab published")
				}
				if !strings.Contains(string(h.JSON), "記録済み") || !strings.Contains(string(h.JSON), "katsudo_log_open") {
					t.Errorf("home = %s", h.JSON)
				}
			})
		})
	}
}

// lastPost is the last message posted to a channel.
func lastPost(s *slacktest.Server, channel string) slacktest.Post {
	var p slacktest.Post
	for _, x := range s.Posts() {
		if x.Channel == channel {
			p = x
		}
	}
	return p
}
