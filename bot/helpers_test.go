package bot_test

import (
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/bot/slacktest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// MustGolden compares got with testdata/name, or rewrites it with -update.
func MustGolden(tb testing.TB, name, got string) {
	tb.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test ./bot -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		tb.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

func tokyo(tb testing.TB) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		tb.Fatal(err)
	}
	return loc
}

// MustAt is 10:00 in Tokyo on a day (2021-12-01).
func MustAt(tb testing.TB, day string) time.Time {
	tb.Helper()
	t, err := time.ParseInLocation("2006-01-02 15:04", day+" 10:00", tokyo(tb))
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// sheetLink opens a fake spreadsheet at a reference, with one gid a tab.
func sheetLink(ref string) string {
	gids := map[string]string{"活動ログ": "0", "事業": "11", "会員": "22", "事業報告書": "33", "チェック": "44"}
	tab, cell, _ := strings.Cut(ref, "!")
	u := "https://docs.google.com/spreadsheets/d/SHEET/edit#gid=" + gids[tab]
	if cell != "" {
		u += "&range=" + cell
	}
	return u
}

func style(lang activity.Lang) bot.Style {
	return bot.Style{Lang: lang, Tabs: activity.DefaultTabs, Link: sheetLink}
}

// memStore is the outbox kept in memory, for one run at a time: a key
// claimed before and never confirmed is granted for recovery. fail makes
// that many Confirm calls fail first, as when katsudo stops between
// sending and recording.
type memStore struct {
	log    activity.SentLog
	fail   int
	writes int
	run    int // the run claiming now
}

func (m *memStore) Recorded(key string) bool { return m.log.Has(key) }

func (m *memStore) Live() bool { return true }

func (m *memStore) Claim(_ context.Context, claims []activity.SentRecord) (map[string]bot.Grant, error) {
	g := map[string]bot.Grant{}
	m.run++
	for _, r := range claims {
		r.Run = itoa(m.run)
		g[r.Key] = bot.GrantSend
		if len(m.log.Claims(r.Key)) > 0 {
			g[r.Key] = bot.GrantRecover
		}
		r.State = activity.StateClaimed
		m.log.Add(r)
	}
	return g, nil
}

func (m *memStore) Finish(_ context.Context, recs, released []activity.SentRecord) error {
	if m.fail > 0 {
		m.fail--
		return errors.New("the machine stopped")
	}
	for _, r := range recs {
		m.log.Add(r)
	}
	for _, r := range released {
		r.State, r.Run = activity.StateReleased, itoa(m.run)
		m.log.Add(r)
	}
	m.writes++
	return nil
}

// sent are the records of messages sent, claims left out.
func (m *memStore) sent() []activity.SentRecord {
	var out []activity.SentRecord
	for _, r := range m.log.Records {
		if r.Sent() {
			out = append(out, r)
		}
	}
	return out
}

// fakeClock sleeps without waiting and remembers the waits.
type fakeClock struct {
	now    time.Time
	waited []time.Duration
}

func (c *fakeClock) Sleep(_ context.Context, d time.Duration) error {
	c.waited = append(c.waited, d)
	c.now = c.now.Add(d)
	return nil
}

func (c *fakeClock) Now() time.Time { return c.now }

// MustServer starts a fake Slack with the channel C0KATSUDO (the app in
// it), C0OTHER (the app not in it) and users U001… with e-mail addresses
// m001@example.org….
func MustServer(tb testing.TB, users int) *slacktest.Server {
	tb.Helper()
	s := slacktest.New()
	tb.Cleanup(s.Close)
	s.AddChannel("C0KATSUDO", "katsudo", true)
	s.AddChannel("C0OTHER", "other", false)
	for i := 1; i <= users; i++ {
		s.AddUser(userID(i), email(i))
	}
	return s
}

func userID(i int) string { return "U" + pad(i) }
func email(i int) string  { return "m" + pad(i) + "@example.org" }

func pad(i int) string {
	s := "000" + itoa(i)
	return s[len(s)-3:]
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// sender is a Sender on the fake Slack with a fake clock.
func sender(s *slacktest.Server, c *fakeClock, mod func(*bot.Options)) *bot.Sender {
	o := bot.Options{Token: slacktest.Token, APIURL: s.URL, Channel: "C0KATSUDO", Sleep: c.Sleep, Now: c.Now}
	if mod != nil {
		mod(&o)
	}
	return bot.New(o)
}

// reminder is a DM to a member about November 2021, for 2021-12-01.
func reminder(name, slack string) activity.Message {
	m := &activity.Member{Name: name, Slack: slack, Active: true, Row: 3}
	day := activity.Date{Year: 2021, Month: time.December, Day: 1}
	month := activity.Date{Year: 2021, Month: time.November}
	to := activity.Recipient{Member: m}
	p := &activity.Program{Code: "1-1", Name: "経営管理支援"}
	return activity.Message{
		Kind: activity.MessageReminder, Key: activity.MessageKey(activity.MessageReminder, "2021-11", to, day), Period: "2021-11", Day: day, To: to,
		Reminder: &activity.Reminder{Month: month, Deadline: activity.Date{Year: 2021, Month: time.December, Day: 6},
			Missing: []activity.MissingMonths{{Program: p, Months: []activity.Date{month}}}},
	}
}

// reminders are DMs to n members given by user ID (odd) or e-mail (even).
func reminders(n int) []activity.Message {
	var out []activity.Message
	for i := 1; i <= n; i++ {
		slack := userID(i)
		if i%2 == 0 {
			slack = email(i)
		}
		out = append(out, reminder("会員"+pad(i), slack))
	}
	return out
}
