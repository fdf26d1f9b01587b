package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot/slacktest"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// slackNow is the first business day after November 2021 closed.
const slackNow = "2021-12-01T10:00:00+09:00"

// MustSlackWorkbook writes a workbook whose n members (会員001… with
// Slack U001… or, for even numbers, m002@example.org…) all own the 毎月
// program 1-1 and logged nothing in November; 会員001 logged a row in
// October without its expense and with <!channel> in its description.
func MustSlackWorkbook(tb testing.TB, dir string, n int) string {
	tb.Helper()
	path := filepath.Join(dir, "log.xlsx")
	members := [][]activity.Value{texts("氏名", "Slack", "在籍")}
	var names []string
	log := [][]activity.Value{texts("日付", "事業", "内容", "場所", "従事者", "受益対象", "受益先", "支出額", "状態", "記入者", "備考")}
	for i := 1; i <= n; i++ {
		name, slack := fmt.Sprintf("会員%03d", i), fmt.Sprintf("U%03d", i)
		if i%2 == 0 {
			slack = fmt.Sprintf("m%03d@example.org", i)
		}
		members = append(members, texts(name, slack, ""))
		names = append(names, name)
		for m := 4; m <= 10; m++ {
			if i == 1 && m == 10 {
				continue
			}
			log = append(log, texts(fmt.Sprintf("2021年%d月", m), "1-1", "", "", "", "", "", "", "活動なし", name, ""))
		}
	}
	log = append(log, texts("2021/10/12", "1-1", "<!channel> 相談会", "横須賀市", "会員001", "中小企業 1社", "", "", "", "会員001", ""))
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

// MustSlack starts a fake Slack holding the workbook's members and the
// channel C0KATSUDO, and returns it with the environment that points
// katsudo at it.
func MustSlack(tb testing.TB, n int) (*slacktest.Server, map[string]string) {
	tb.Helper()
	s := slacktest.New()
	tb.Cleanup(s.Close)
	s.AddChannel("C0KATSUDO", "katsudo", true)
	for i := 1; i <= n; i++ {
		s.AddUser(fmt.Sprintf("U%03d", i), fmt.Sprintf("m%03d@example.org", i))
	}
	return s, map[string]string{"SLACK_BOT_TOKEN": slacktest.Token, "KATSUDO_SLACK_API_URL": s.URL, "KATSUDO_SLACK_CHANNEL": "C0KATSUDO"}
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

func TestRemind(t *testing.T) {
	t.Run("DryRunPrintsAndRecordsNothing", func(t *testing.T) {
		for _, lang := range []string{"ja", "en"} {
			dir := t.TempDir()
			wb := MustSlackWorkbook(t, dir, 3)
			got := MustRun(t, dir, map[string]string{"KATSUDO_LANGUAGE": lang}, "remind", "--dry-run", "--workbook", wb, "--now", "2021-12-06T10:00:00+09:00")
			if got.code != 0 {
				t.Fatalf("exit = %d\nstderr:\n%s", got.code, got.stderr)
			}
			MustGolden(t, "remind-dry-run."+lang+".golden", got.stdout)
			if keys := sentKeys(t, wb); len(keys) != 0 {
				t.Errorf("a dry run recorded %v", keys)
			}
		}
	})
	t.Run("SecondRunSendsNothing", func(t *testing.T) {
		dir := t.TempDir()
		wb := MustSlackWorkbook(t, dir, 4)
		s, environ := MustSlack(t, 4)
		first := MustRun(t, dir, environ, "remind", "--workbook", wb, "--now", slackNow)
		if first.code != 0 || len(s.Posts()) != 4 {
			t.Fatalf("first run: exit %d, %d posts\nstdout:\n%s\nstderr:\n%s", first.code, len(s.Posts()), first.stdout, first.stderr)
		}
		before := len(s.Calls())
		second := MustRun(t, dir, environ, "remind", "--workbook", wb, "--now", "2021-12-01T15:00:00+09:00")
		if second.code != 0 || len(s.Calls()) != before {
			t.Errorf("second run: exit %d, %d more Slack calls; want none\n%s", second.code, len(s.Calls())-before, second.stdout)
		}
		keys := sentKeys(t, wb)
		for k, n := range postedKeys(s) {
			if n != 1 || keys[k] == "" {
				t.Errorf("%s: %d in Slack, recorded ts %q", k, n, keys[k])
			}
		}
	})
	t.Run("CellPingsNobody", func(t *testing.T) {
		dir := t.TempDir()
		wb := MustSlackWorkbook(t, dir, 1)
		s, environ := MustSlack(t, 1)
		if got := MustRun(t, dir, environ, "remind", "--workbook", wb, "--now", slackNow); got.code != 0 {
			t.Fatalf("exit %d\n%s", got.code, got.stderr)
		}
		posts := s.Posts()
		if len(posts) != 1 || strings.Contains(string(posts[0].Blocks), "<!channel>") || !strings.Contains(string(posts[0].Blocks), `\u0026lt;!channel\u0026gt; 相談会`) {
			t.Errorf("posts = %+v", posts)
		}
	})
	t.Run("UnreachableMemberExitsOne", func(t *testing.T) {
		dir := t.TempDir()
		wb := MustSlackWorkbook(t, dir, 3)
		s, environ := MustSlack(t, 1) // m002@example.org is nobody; U003 is unknown
		got := MustRun(t, dir, environ, "remind", "--workbook", wb, "--now", slackNow)
		if got.code != 1 || len(s.Posts()) != 1 || strings.Count(got.stdout, "✗") != 2 || !strings.Contains(got.stdout, "会員002 さん（会員タブ 3行目）") {
			t.Errorf("exit %d, %d posts\nstdout:\n%s", got.code, len(s.Posts()), got.stdout)
		}
	})
	t.Run("UsageErrors", func(t *testing.T) {
		dir := t.TempDir()
		wb := MustSlackWorkbook(t, dir, 1)
		for _, tc := range []struct {
			args []string
			want string
		}{
			{[]string{"remind", "--workbook", wb, "--now", slackNow}, "SLACK_BOT_TOKEN"},
			{[]string{"remind", "--workbook", wb, "--now", slackNow, "--month", "2021-12"}, "--month 2021-12 の月はまだ終わっていません"},
			{[]string{"summary", "--workbook", wb, "--month", "Nov"}, "YYYY-MM"},
		} {
			if got := MustRun(t, dir, nil, tc.args...); got.code != 2 || !strings.Contains(got.stderr, tc.want) {
				t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, got.code, got.stderr, tc.want)
			}
		}
	})
}

func TestSummary(t *testing.T) {
	dir := t.TempDir()
	wb := MustSlackWorkbook(t, dir, 2)
	s, environ := MustSlack(t, 2)
	for i := 0; i < 2; i++ {
		if got := MustRun(t, dir, environ, "summary", "--workbook", wb, "--now", "2021-12-03T09:00:00+09:00"); got.code != 0 {
			t.Fatalf("run %d: exit %d\n%s%s", i+1, got.code, got.stdout, got.stderr)
		}
	}
	posts := s.Posts()
	if len(posts) != 1 || posts[0].Channel != "C0KATSUDO" || posts[0].Metadata.EventPayload["key"] != "summary/2021-11/channel/2021-12-01" {
		t.Errorf("posts = %+v; want the November summary once in C0KATSUDO", posts)
	}
	got := MustRun(t, dir, nil, "summary", "--dry-run", "--workbook", wb, "--now", "2021-12-03T09:00:00+09:00", "--month", "2021-10")
	MustGolden(t, "summary-dry-run.ja.golden", got.stdout)
}

func mustSettings(tb testing.TB, environ map[string]string, args ...string) *settings {
	tb.Helper()
	var f flags
	e := env{getenv: func(k string) string { return environ[k] }, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	j, err := parse(newFlagSet("remind", e, &f), &f, e, args)
	if err != nil {
		tb.Fatal(err)
	}
	return j
}

// TestFigures measures a reminder run for 200 members against the fake
// Slack holding chat.postMessage to one message a second per channel.
func TestFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("measures a 200-member run")
	}
	dir := t.TempDir()
	wb := MustSlackWorkbook(t, dir, 200)
	s, environ := MustSlack(t, 200)
	s.LimitPosts(true)
	start := time.Now()
	got := MustRun(t, dir, environ, "remind", "--workbook", wb, "--now", slackNow)
	took := time.Since(start)
	if got.code != 0 {
		t.Fatalf("exit %d\n%s", got.code, got.stderr)
	}
	calls := s.CountCalls()
	total := 0
	for _, n := range calls {
		total += n
	}
	if len(s.Posts()) != 200 || len(sentKeys(t, wb)) != 200 {
		t.Errorf("%d posted, %d recorded; want 200", len(s.Posts()), len(sentKeys(t, wb)))
	}
	t.Logf("200 members: %d messages, %d API calls %v, %v", len(s.Posts()), total, calls, took.Round(time.Millisecond))
}
