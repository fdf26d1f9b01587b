package main

import (
	"bytes"
	"context"
	"path/filepath"
	stdsync "sync"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// TestConcurrentSends starts two katsudo commands at the same moment
// against one fake Google spreadsheet and one fake Slack, through run —
// the entry point main calls — and checks that every message due went
// out exactly once: none twice, none lost (a last run afterwards finds
// nothing left to send, or sends what a command that stood by left).
func TestConcurrentSends(t *testing.T) {
	const members, trials = 6, 10
	tests := []struct {
		name     string
		a, b     string
		oneLock  bool
		wantBoth bool // both commands send (separate locks)
	}{
		{"TwoRemindOneLock", "remind", "remind", true, false},
		{"RunAndRemindOneLock", "run", "remind", true, false},
		{"TwoRunSeparateLocks", "run", "run", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for trial := 0; trial < trials; trial++ {
				dir := t.TempDir()
				wb := MustSlackWorkbook(t, dir, members)
				head := make([]activity.Value, len(activity.SentColumns))
				for i, c := range activity.SentColumns {
					head[i] = activity.Str(c.Ja, 0)
				}
				if err := xlsx.OpenWorkbook(wb).Write(context.Background(), []activity.Sheet{{Name: "送信履歴", Rows: [][]activity.Value{head}}}); err != nil {
					t.Fatal(err) // the tab as `katsudo init` makes it
				}
				google, id, environ := MustSheetsFromWorkbook(t, dir, wb, "活動ログ", "事業", "会員", "送信履歴")
				s, slack := MustSlack(t, members)
				for k, v := range slack {
					environ[k] = v
				}
				envs := [2]map[string]string{{}, {}}
				for i := range envs {
					for k, v := range environ {
						envs[i][k] = v
					}
					envs[i]["KATSUDO_LOCK_FILE"] = filepath.Join(dir, "a.lock")
					if !tt.oneLock && i == 1 {
						envs[i]["KATSUDO_LOCK_FILE"] = filepath.Join(dir, "b.lock")
					}
				}
				var wg stdsync.WaitGroup
				start := make(chan struct{})
				codes := [2]int{}
				var errs [2]bytes.Buffer
				for i, cmd := range []string{tt.a, tt.b} {
					wg.Add(1)
					go func() {
						defer wg.Done()
						<-start
						getenv := func(k string) string { return envs[i][k] }
						codes[i] = run(context.Background(), []string{cmd, "--now", slackNow}, getenv, &bytes.Buffer{}, &errs[i])
					}()
				}
				close(start)
				wg.Wait()
				if codes != [2]int{} {
					t.Fatalf("trial %d: exit %v\n%s\n%s", trial, codes, errs[0].String(), errs[1].String())
				}
				if last := MustRun(t, dir, envs[0], "run", "--now", slackNow); last.code != 0 {
					t.Fatalf("trial %d: the last run: exit %d\n%s", trial, last.code, last.stderr)
				}
				posted := postedKeys(s)
				sent, _ := sentInSheet(t, google.Values(id, "送信履歴"))
				if len(posted) != members+1 {
					t.Errorf("trial %d: %d messages in Slack; want the summary and %d reminders", trial, len(posted), members)
				}
				for k, n := range posted {
					if n != 1 || sent[k] != 1 {
						t.Errorf("trial %d: %s is in Slack %d times and confirmed %d times; want once each", trial, k, n, sent[k])
					}
				}
			}
		})
	}
}
