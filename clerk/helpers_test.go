package clerk_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/bot/slacktest"
	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// dec1 is 10:00 on the first business day after November 2021 closed:
// the November summary and the members' reminders are due.
var dec1 = instant("2021-12-01T10:00:00+09:00")

func texts(vals ...string) []activity.Value {
	out := make([]activity.Value, len(vals))
	for i, v := range vals {
		out[i] = activity.Str(v, 0)
	}
	return out
}

// MustWorkbook writes a workbook whose n members (会員001… with Slack
// U001…) all own the 毎月 program 1-1 and logged nothing in November;
// 会員001 also left October unlogged.
func MustWorkbook(tb testing.TB, dir string, n int) string {
	tb.Helper()
	path := filepath.Join(dir, "log.xlsx")
	members := [][]activity.Value{texts("氏名", "Slack", "在籍")}
	var names []string
	log := [][]activity.Value{texts("日付", "事業", "内容", "場所", "従事者", "受益対象", "受益先", "支出額", "状態", "記入者", "備考")}
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("会員%03d", i)
		members = append(members, texts(name, fmt.Sprintf("U%03d", i), ""))
		names = append(names, name)
		for m := 4; m <= 10; m++ {
			if i == 1 && m == 10 {
				continue
			}
			log = append(log, texts(fmt.Sprintf("2021年%d月", m), "1-1", "", "", "", "", "", "", "活動なし", name, ""))
		}
	}
	sheets := []activity.Sheet{
		{Name: "活動ログ", Rows: log},
		{Name: "事業", Rows: [][]activity.Value{
			texts("コード", "事業名", "区分", "内容", "担当", "頻度", "予算額", "決算額"),
			texts("1", "中小企業支援", "特定非営利活動", "", "", "", "", ""),
			texts("1-1", "経営管理支援", "", "中小企業の経営管理を支援する", strings.Join(names, "、"), "毎月", "100000", "0"),
		}},
		{Name: "会員", Rows: members},
	}
	if err := xlsx.OpenWorkbook(path).Write(context.Background(), sheets); err != nil {
		tb.Fatal(err)
	}
	return path
}

// MustSlack starts a fake Slack holding the workbook's n members and the
// channel C0KATSUDO.
func MustSlack(tb testing.TB, n int) *slacktest.Server {
	tb.Helper()
	s := slacktest.New()
	tb.Cleanup(s.Close)
	s.AddChannel("C0KATSUDO", "katsudo", true)
	for i := 1; i <= n; i++ {
		s.AddUser(fmt.Sprintf("U%03d", i), fmt.Sprintf("m%03d@example.org", i))
	}
	return s
}

// MustClerk is a clerk on the book with the default settings, sending
// to the fake Slack (none when s is nil).
func MustClerk(tb testing.TB, b clerk.Book, s *slacktest.Server) *clerk.Clerk {
	tb.Helper()
	cfg := config.Default()
	cfg.SlackChannel = "C0KATSUDO"
	sch, err := clerk.ParseSchedules(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	c := &clerk.Clerk{Config: cfg, Book: b, Schedules: sch, Holder: "test-machine"}
	if s != nil {
		c.Slack = func() clerk.Messenger {
			return bot.New(bot.Options{
				Token: slacktest.Token, APIURL: s.URL, Channel: cfg.SlackChannel, Location: cfg.Location,
				Sleep: func(context.Context, time.Duration) error { return nil },
			})
		}
	}
	return c
}

// sentKeys reads the 送信履歴 tab's keys, each with its Slack ts.
func sentKeys(tb testing.TB, wb string) map[string]string {
	tb.Helper()
	grids, err := xlsx.OpenWorkbook(wb).Read(context.Background(), []string{"送信履歴"})
	var nf *activity.TabNotFoundError
	if errors.As(err, &nf) {
		return nil
	}
	if err != nil {
		tb.Fatal(err)
	}
	l, fs := activity.ReadSentLog("送信履歴", grids["送信履歴"])
	if len(fs) > 0 {
		tb.Fatal(fs)
	}
	out := map[string]string{}
	for _, r := range l.Records {
		if r.Sent() {
			out[r.Key] = r.TS
		}
	}
	return out
}

// postedKeys counts the messages Slack holds per idempotency key.
func postedKeys(s *slacktest.Server) map[string]int {
	n := map[string]int{}
	for _, p := range s.Posts() {
		k, _ := p.Metadata.EventPayload["key"].(string)
		n[k]++
	}
	return n
}

// stoppingBook is a book whose changes fail after the first ok ones: with
// ok 1, the claims are written and the confirmations are not, as when
// katsudo stops between sending and recording.
type stoppingBook struct {
	clerk.Book
	ok int
}

func (b *stoppingBook) Write(ctx context.Context, s []activity.Sheet) error {
	if b.ok--; b.ok < 0 {
		return errors.New("the machine stopped")
	}
	return b.Book.Write(ctx, s)
}

func (b *stoppingBook) Append(ctx context.Context, tab, at string, rows [][]string) (string, error) {
	if b.ok--; b.ok < 0 {
		return "", errors.New("the machine stopped")
	}
	return b.Book.(clerk.Appender).Append(ctx, tab, at, rows)
}
