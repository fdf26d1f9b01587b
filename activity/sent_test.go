package activity_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
)

// sheetGrid reads a written sheet back as a spreadsheet would give it.
func sheetGrid(s activity.Sheet) activity.Grid {
	g := make(activity.Grid, len(s.Rows))
	for i, row := range s.Rows {
		for _, v := range row {
			g[i] = append(g[i], activity.TextCell(v.Text))
		}
	}
	return g
}

func TestSentLog(t *testing.T) {
	loc := tokyo(t)
	at := func(s string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	recs := []activity.SentRecord{
		{Key: "summary/2021-11/channel/2021-12-01", Time: at("2021-12-01 09:00"), Kind: activity.MessageSummary, Period: "2021-11", Recipient: "channel", Channel: "C01", TS: "1638316800.000100"},
		{Key: "reminder/2021-11/山田太郎/2021-12-01", Time: at("2021-12-01 10:00"), Kind: activity.MessageReminder, Period: "2021-11", Recipient: "山田 太郎", Channel: "D01", TS: "1638320400.000200"},
		{Key: "summary/2021-10/channel/2021-11-01", Time: at("2021-11-01 09:00"), Kind: activity.MessageSummary, Period: "2021-10", Recipient: "channel", Channel: "C01"},
	}
	t.Run("RoundTrip", func(t *testing.T) {
		l := &activity.SentLog{}
		for _, r := range recs {
			l.Add(r)
		}
		l.Add(activity.SentRecord{Key: recs[0].Key, TS: "other"}) // a key is recorded once
		back, fs := activity.ReadSentLog("送信履歴", sheetGrid(l.Sheet("送信履歴", activity.Japanese, loc)))
		if len(fs) > 0 {
			t.Fatalf("findings: %v", fs)
		}
		want := []activity.SentRecord{recs[2], recs[0], recs[1]} // oldest first
		if diff := cmp.Diff(want, back.Records, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) }), cmp.AllowUnexported(activity.SentLog{})); diff != "" {
			t.Errorf("records mismatch (-want +got):\n%s", diff)
		}
		for _, r := range recs {
			if !back.Has(r.Key) {
				t.Errorf("Has(%q) = false", r.Key)
			}
		}
		if p, ok := back.LatestPeriod(activity.MessageSummary); !ok || p != "2021-11" {
			t.Errorf("LatestPeriod = %q, %v; want 2021-11", p, ok)
		}
	})
	t.Run("EnglishHeadersReadToo", func(t *testing.T) {
		l := &activity.SentLog{}
		l.Add(recs[0])
		back, fs := activity.ReadSentLog("sent", sheetGrid(l.Sheet("sent", activity.English, loc)))
		if len(fs) > 0 || !back.Has(recs[0].Key) {
			t.Errorf("findings %v, has = %v", fs, back.Has(recs[0].Key))
		}
	})
	t.Run("BlankTabIsEmpty", func(t *testing.T) {
		l, fs := activity.ReadSentLog("送信履歴", MustGrid(t, r(nil, ""), r()))
		if len(fs) > 0 || len(l.Records) != 0 {
			t.Errorf("findings %v, records %v", fs, l.Records)
		}
	})
	t.Run("ErrMissingKeyColumn", func(t *testing.T) {
		_, fs := activity.ReadSentLog("送信履歴", MustGrid(t, r("送信日時", "種類", "宛先"), r("2021-12-01T10:00:00+09:00", "reminder", "山田")))
		if len(fs) != 1 || fs[0].Code != activity.CodeMissingColumn {
			t.Errorf("findings = %v; want one missing-column", fs)
		}
	})
	t.Run("PruneForgetsOldKeys", func(t *testing.T) {
		l := &activity.SentLog{}
		for _, r := range recs {
			l.Add(r)
		}
		l.Add(activity.SentRecord{Key: "undated"})
		l.Prune(at("2021-11-15 00:00"))
		var got []string
		for _, r := range l.Records {
			got = append(got, r.Key)
		}
		if diff := cmp.Diff([]string{recs[0].Key, recs[1].Key, "undated"}, got); diff != "" || l.Has(recs[2].Key) {
			t.Errorf("kept mismatch (-want +got):\n%s; has pruned = %v", diff, l.Has(recs[2].Key))
		}
	})
	t.Run("NilLogHoldsNothing", func(t *testing.T) {
		var l *activity.SentLog
		if l.Has("x") {
			t.Error("nil log has a key")
		}
		if _, ok := l.LatestPeriod(activity.MessageSummary); ok {
			t.Error("nil log has a period")
		}
	})
}

func TestMessageKey(t *testing.T) {
	day := activity.Date{Year: 2021, Month: time.December, Day: 2}
	tests := []struct {
		to   activity.Recipient
		want string
	}{
		{activity.Recipient{}, "reminder/2021-11/channel/2021-12-02"},
		{activity.Recipient{Member: &activity.Member{Name: "山田　太郎"}}, "reminder/2021-11/山田太郎/2021-12-02"},
		{activity.Recipient{Member: &activity.Member{Name: "A/B #1"}}, "reminder/2021-11/A／B＃1/2021-12-02"},
	}
	for _, tc := range tests {
		if got := activity.MessageKey(activity.MessageReminder, "2021-11", tc.to, day); got != tc.want {
			t.Errorf("MessageKey(%q) = %q; want %q", tc.to.Name(), got, tc.want)
		}
	}
}
