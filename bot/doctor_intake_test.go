package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/bot/slacktest"
)

func TestCheckIntake(t *testing.T) {
	s := slacktest.New()
	defer s.Close()
	tests := []struct {
		name  string
		check bot.IntakeCheck
		want  string // a word of the one problem; "" for none
	}{
		{"NotSetUpIsNoProblem", bot.IntakeCheck{BotToken: slacktest.Token}, ""},
		{"AppTokenWorks", bot.IntakeCheck{BotToken: slacktest.Token, AppToken: slacktest.AppToken}, ""},
		{"WrongAppTokenIsReported", bot.IntakeCheck{BotToken: slacktest.Token, AppToken: "xapp-wrong"}, "SLACK_APP_TOKEN"},
		{"SigningSecretWithoutBotToken", bot.IntakeCheck{SigningSecret: "s"}, "SLACK_BOT_TOKEN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check.APIURL = s.URL
			got := bot.CheckIntake(context.Background(), tt.check)
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("problems %+v, want none", got)
			case tt.want != "" && (len(got) != 1 || !strings.Contains(got[0].Text.Ja, tt.want)):
				t.Errorf("problems %+v, want one naming %s", got, tt.want)
			}
		})
	}
	t.Run("MissingCommandsScopeIsReported", func(t *testing.T) {
		s.SetScopes(bot.RequiredScopes...)
		got := bot.CheckIntake(context.Background(), bot.IntakeCheck{BotToken: slacktest.Token, AppToken: slacktest.AppToken, APIURL: s.URL})
		if len(got) != 1 || !strings.Contains(got[0].Text.En, "commands") {
			t.Errorf("problems %+v, want the commands scope", got)
		}
	})
}
