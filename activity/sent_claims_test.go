package activity_test

import (
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
)

// TestSentLogClaims reads the outbox rows of the 送信履歴 tab: a claim is
// not a sent message, a row without a state (a tab from before claims) is.
func TestSentLogClaims(t *testing.T) {
	head := []string{"送信日時", "種類", "対象", "宛先", "チャンネル", "ts", "キー", "状態", "実行", "予約期限", "実行元"}
	row := func(cells ...string) []activity.Cell {
		var out []activity.Cell
		for _, c := range cells {
			out = append(out, activity.TextCell(c))
		}
		return out
	}
	g := activity.Grid{
		row(head...),
		row("2021-12-01T10:00:00+09:00", "summary", "2021-11", "C1", "", "", "summary/2021-11/channel/2021-12-01", "claimed", "r1", "2021-12-01T10:10:00+09:00", "host:/lock"),
		row("2021-12-01T10:00:00+09:00", "reminder", "2021-11", "会員001", "D1", "1.2", "reminder/2021-11/会員001/2021-12-01", ""),
		row("2021-11-01T09:00:00+09:00", "summary", "2021-10", "C1", "C1", "1.1", "summary/2021-10/channel/2021-11-01", "sent", "r0"),
	}
	l, fs := activity.ReadSentLog("送信履歴", g)
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	tests := []struct {
		name   string
		key    string
		sent   bool
		claims int
	}{
		{"ClaimIsNotSent", "summary/2021-11/channel/2021-12-01", false, 1},
		{"RowWithoutStateIsSent", "reminder/2021-11/会員001/2021-12-01", true, 0},
		{"ConfirmedIsSent", "summary/2021-10/channel/2021-11-01", true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := l.Has(tt.key); got != tt.sent {
				t.Errorf("Has = %v; want %v", got, tt.sent)
			}
			if got := len(l.Claims(tt.key)); got != tt.claims {
				t.Errorf("%d claims; want %d", got, tt.claims)
			}
		})
	}
	c := l.Claims("summary/2021-11/channel/2021-12-01")[0]
	if c.Run != "r1" || c.Holder != "host:/lock" || !c.Lease.Equal(time.Date(2021, 12, 1, 1, 10, 0, 0, time.UTC)) {
		t.Errorf("claim = %+v; want run r1, its holder and lease", c)
	}
	if p, _ := l.LatestPeriod(activity.MessageSummary); p != "2021-10" {
		t.Errorf("LatestPeriod = %q; want 2021-10, the claimed November summary not counted", p)
	}
}
