package bot_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/demo"
)

// TestIntakeViewsGolden keeps the modal and the App Home a member of the
// demo organisation sees, in both languages, in testdata (-update).
func TestIntakeViewsGolden(t *testing.T) {
	d := activity.Load(demo.Grids())
	var m *activity.Member
	for _, p := range d.Catalog.Programs {
		if p.Cadence == activity.CadenceMonthly && len(p.Owners) > 0 {
			m = d.Roster.Find(p.Owners[0])
			break
		}
	}
	if m == nil {
		t.Fatal("the demo has no owner of a monthly program")
	}
	now := time.Date(2022, 4, 4, 10, 0, 0, 0, tokyo(t))
	for _, lang := range []activity.Lang{activity.Japanese, activity.English} {
		st := bot.Style{Lang: lang, Tabs: activity.DefaultTabs, Buttons: true}
		t.Run("Modal."+string(lang), func(t *testing.T) {
			v := bot.NewForm(d, m, now, tokyo(t), bot.Preset("1-1", "2022-03")).View(st)
			MustGolden(t, "modal."+string(lang)+".golden", mustJSON(t, v))
		})
		t.Run("Home."+string(lang), func(t *testing.T) {
			// 森 恵子 has rows to fix (an impossible 和暦 among them).
			mori := d.Roster.Find("森 恵子")
			if mori == nil {
				t.Fatal("no 森 恵子 in the demo")
			}
			in := bot.NewIntake(bot.IntakeOptions{Style: st, Location: tokyo(t), Now: func() time.Time { return now }})
			MustGolden(t, "home."+string(lang)+".golden", mustJSON(t, in.HomeView(d, mori)))
		})
	}
}

func mustJSON(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b) + "\n"
}
