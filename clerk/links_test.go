package clerk_test

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/clerk"
)

// TestPreviewLinks: a preview writes nothing, so nothing brings the tabs'
// gids back; it asks once, and its links open the member's row in 活動ログ.
func TestPreviewLinks(t *testing.T) {
	c, g, _ := MustSheetsClerk(t, 3)
	msgs, st, _, err := c.Preview(context.Background(), dec1, clerk.Plan{Slack: true, Kinds: clerk.RemindKinds})
	if err != nil || len(msgs) == 0 {
		t.Fatalf("err %v, %d messages; want reminders", err, len(msgs))
	}
	logTab, _ := g.Tab(c.Config.SpreadsheetID, "活動ログ")
	gid := "#gid=" + strconv.FormatInt(logTab.ID, 10)
	for _, m := range msgs {
		for _, p := range bot.Render(m, st) {
			blocks, _ := json.Marshal(p.Blocks)
			if text := string(blocks); !strings.Contains(text, gid) {
				t.Errorf("%s: no link to 活動ログ (%s) in %.300s", p.Key, gid, text)
			}
		}
	}
}
