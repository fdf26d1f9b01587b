package clerk_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/bot/slacktest"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
)

// withGuest adds a Slack user who is not on the members tab.
func withGuest(s *slacktest.Server) { s.AddUser("U999", "guest@example.org") }

// TestLogFromSlackBadInput: each thing that can go wrong gets a clear
// answer in Slack, and no row.
func TestLogFromSlackBadInput(t *testing.T) {
	valid := func() map[string]string {
		return map[string]string{"program": "1-1", "date": "2021-11-14", "expense": "0", "status": "実施"}
	}
	t.Run("UnitLikeThousandYenAsksOnceThenSaves", func(t *testing.T) {
		d := MustIntakeDesk(t, 2)
		d.reload(t)
		b, s, in := d.b, d.s, d.in
		f := valid()
		f["expense"] = "50,000千円"
		_, ack := MustDeliver(t, s, "interactive", submission("U001", "VW", f))
		if errs := ackErrors(t, ack); !strings.Contains(errs["expense"], "確認") {
			t.Fatalf("errors = %v, want a confirmation asked on the expense", errs)
		}
		in.Wait()
		if n := logRows(t, b, "50,000千円"); n != 0 {
			t.Fatalf("rows before confirming = %d", n)
		}
		_, ack = MustDeliver(t, s, "interactive", submission("U001", "VW", f))
		if errs := ackErrors(t, ack); errs != nil {
			t.Fatalf("the same values again: errors %v, want the row taken", errs)
		}
		in.Wait()
		if n := logRows(t, b, "50,000千円", "会員001"); n != 1 {
			t.Errorf("rows after confirming = %d, want 1", n)
		}
	})
	t.Run("SlackUserNotInMembersIsTold", func(t *testing.T) {
		d := MustIntakeDesk(t, 2, withGuest)
		d.reload(t)
		s, in := d.s, d.in
		MustDeliver(t, s, "slash_commands", slash("U999", "T9"))
		in.Wait()
		v := s.Views()
		if len(v) != 1 || !strings.Contains(string(v[0].JSON), "会員タブにない") {
			t.Errorf("views = %+v, want a notice that they are not on the members tab", v)
		}
		_, ack := MustDeliver(t, s, "interactive", submission("U999", "VX", valid()))
		if errs := ackErrors(t, ack); !strings.Contains(errs["program"], "会員タブ") {
			t.Errorf("errors = %v", errs)
		}
	})
	t.Run("UnreachableSpreadsheetIsToldWithWhatWasTyped", func(t *testing.T) {
		d := MustIntakeDesk(t, 2)
		d.reload(t)
		srv, s, in := d.g, d.s, d.in
		srv.Fail(sheetstest.KindBatchGet, sheetstest.Fault{Status: http.StatusForbidden})
		f := valid()
		f["description"] = "経営相談（A社）"
		_, ack := MustDeliver(t, s, "interactive", submission("U001", "VU", f))
		if errs := ackErrors(t, ack); errs != nil {
			t.Fatalf("errors %v", errs)
		}
		in.Wait()
		dm := lastPost(s, "D001")
		if !strings.Contains(dm.Text, "届きませんでした") || !strings.Contains(dm.Text, "経営相談（A社）") {
			t.Errorf("DM = %q, want the spreadsheet unreachable and what was typed", dm.Text)
		}
		if n := logAppends(srv); n != 0 {
			t.Errorf("appends = %d", n)
		}
	})
	t.Run("ProgramRemovedMeanwhileIsTold", func(t *testing.T) {
		d := MustIntakeDesk(t, 2)
		d.reload(t)
		srv, s, in := d.g, d.s, d.in
		// The secretariat renames the program's code between the form and
		// the save.
		srv.SetValues(sheetID, "事業", [][]any{
			{"コード", "事業名", "区分", "内容", "担当", "頻度", "予算額", "決算額"},
			{"1", "中小企業支援", "特定非営利活動"},
			{"1-2", "経営管理支援", nil, "中小企業の経営管理を支援する", "会員001", "毎月", "100000", "0"},
		})
		_, ack := MustDeliver(t, s, "interactive", submission("U001", "VR", valid()))
		if errs := ackErrors(t, ack); errs != nil {
			t.Fatalf("errors %v", errs)
		}
		in.Wait()
		if dm := lastPost(s, "D001"); !strings.Contains(dm.Text, "記録できませんでした") || !strings.Contains(dm.Text, "1-1") {
			t.Errorf("DM = %q, want not saved, naming the program", dm.Text)
		}
		if n := logAppends(srv); n != 0 {
			t.Errorf("appends = %d", n)
		}
	})
	t.Run("ReminderButtonPreselectsTheOwedMonth", func(t *testing.T) {
		d := MustIntakeDesk(t, 2)
		s, in := d.s, d.in
		click := button("U001", "katsudo_log_open", "D001", "1.1")
		click["actions"].([]obj)[0]["value"] = `{"p":"1-1","m":"2021-10"}`
		MustDeliver(t, s, "interactive", click)
		in.Wait()
		v := s.Views()
		if len(v) != 1 || !strings.Contains(string(v[0].JSON), `"initial_date":"2021-10-31"`) || !strings.Contains(string(v[0].JSON), `"initial_option":{"text":{"emoji":false,"text":"1-1 経営管理支援"`) {
			t.Errorf("modal = %s, want 1-1 and October pre-selected", v[0].JSON)
		}
	})
	t.Run("StaffPickedFromSlackAreNamedAsTheMembersTabNamesThem", func(t *testing.T) {
		d := MustIntakeDesk(t, 2, withGuest)
		d.reload(t)
		b, s, in := d.b, d.s, d.in
		sub := submission("U001", "VS", map[string]string{"program": "1-1", "date": "2021-11-15", "expense": "0", "status": "実施", "staff": "ほか3名"})
		values := sub["view"].(obj)["state"].(obj)["values"].(obj)
		values["staff_users"] = obj{"value": obj{"type": "multi_users_select", "selected_users": []string{"U002", "U999"}}}
		_, ack := MustDeliver(t, s, "interactive", sub)
		if errs := ackErrors(t, ack); !strings.Contains(errs["staff_users"], "U999") {
			t.Fatalf("errors = %v, want the Slack user who is not a member named", errs)
		}
		values["staff_users"] = obj{"value": obj{"type": "multi_users_select", "selected_users": []string{"U002"}}}
		_, ack = MustDeliver(t, s, "interactive", sub)
		if errs := ackErrors(t, ack); errs != nil {
			t.Fatalf("errors = %v", errs)
		}
		in.Wait()
		if n := logRows(t, b, "2021-11-15", "会員002、ほか3名", "会員001"); n != 1 {
			t.Errorf("rows with the staff named = %d, want 1", n)
		}
	})
	t.Run("AMemberWhoseSlackIsInEnglishIsAnsweredInEnglish", func(t *testing.T) {
		d := MustIntakeDesk(t, 2, func(s *slacktest.Server) { s.SetLocale("U002", "en-US") })
		s, in := d.s, d.in
		MustDeliver(t, s, "slash_commands", slash("U002", "T2"))
		in.Wait()
		v := s.Views()
		if len(v) != 1 || !strings.Contains(string(v[0].JSON), "Log an activity") {
			t.Fatalf("modal = %+v, want it in English", v)
		}
		f := valid()
		f["expense"] = "lots"
		_, ack := MustDeliver(t, s, "interactive", submission("U002", v[0].ID, f))
		if errs := ackErrors(t, ack); !strings.Contains(errs["expense"], "cannot read \"lots\"") {
			t.Errorf("errors = %v, want them in English", errs)
		}
	})
}
