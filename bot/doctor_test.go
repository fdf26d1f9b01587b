package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/bot/slacktest"
)

func TestCheck(t *testing.T) {
	members := []*activity.Member{
		{Name: "会員001", Slack: "U001", Active: true},
		{Name: "会員002", Slack: email(2), Active: true},
		{Name: "休会中", Slack: "", Active: false},
	}
	tests := []struct {
		name    string
		setup   func(*slacktest.Server)
		opts    func(*bot.Options)
		members []*activity.Member
		want    []string // the start of each problem, in English
	}{
		{"AllWell", nil, nil, members, nil},
		{"MissingScopes", func(s *slacktest.Server) { s.SetScopes("chat:write", "im:write", "users:read") }, nil, members,
			[]string{"the Slack app lacks the scopes im:history, channels:history, users:read.email"}},
		{"AppNotInTheChannel", nil, func(o *bot.Options) { o.Channel = "C0OTHER" }, members,
			[]string{"katsudo's Slack app is not in channel C0OTHER"}},
		{"ChannelByName", nil, func(o *bot.Options) { o.Channel = "#katsudo" }, members,
			[]string{"slack_channel is a name (#katsudo)"}},
		{"ErrTokenRefused", func(s *slacktest.Server) { s.SetToken("xoxb-other") }, nil, members,
			[]string{"Slack: the bot token is refused"}},
		{"MembersWhoCannotBeReached", func(s *slacktest.Server) { s.DeleteUser("U003") }, nil, append(members,
			&activity.Member{Name: "未登録", Slack: "nobody@example.org", Active: true},
			&activity.Member{Name: "退会済み", Slack: "U003", Active: true},
			&activity.Member{Name: "空欄", Active: true},
		), []string{"no DM for 未登録", "no DM for 退会済み", "no DM for 空欄"}},
		{"WebhookOnly", nil, func(o *bot.Options) { o.Token, o.WebhookURL = "", "http://example.invalid/webhook" }, members,
			[]string{"with only SLACK_WEBHOOK_URL, reminders to members (DMs) cannot be sent"}},
		{"NothingSet", nil, func(o *bot.Options) { o.Token = "" }, members,
			[]string{"Slack is not set up"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := MustServer(t, 3)
			if tc.setup != nil {
				tc.setup(s)
			}
			var got []string
			for _, p := range sender(s, &fakeClock{}, tc.opts).Check(context.Background(), tc.members) {
				got = append(got, p.Text.En)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("problems = %q; want %d starting %q", got, len(tc.want), tc.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) {
					t.Errorf("problem %d mismatch (-want +got):\n%s", i, cmp.Diff(tc.want[i], got[i]))
				}
			}
		})
	}
}
