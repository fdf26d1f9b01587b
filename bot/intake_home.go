package bot

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/slack-go/slack"
)

// homeRows is how many rows to fix the App Home lists; the チェック tab
// has the rest.
const homeRows = 10

// publishHome publishes a member's App Home: their fiscal year — per
// program they own, the months logged and owed — the rows to fix with
// each finding and a link, and the buttons to log or mark 活動なし.
func (in *Intake) publishHome(ctx context.Context, user string) error {
	d := in.o.Desk.Current()
	if d == nil {
		var err error
		if d, err = in.o.Desk.Reload(ctx); err != nil {
			return err
		}
	}
	m := in.member(ctx, d, user, true)
	in.learn(ctx, user)
	_, err := in.api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: user, View: in.homeView(d, m, in.styleFor(user))})
	if err == nil {
		in.mu.Lock()
		in.homes[user] = true
		in.mu.Unlock()
	}
	return err
}

// RefreshHomes publishes again the App Home of every member who has
// opened it since katsudo started, from the spreadsheet as last read:
// serve calls it after each pass.
func (in *Intake) RefreshHomes(ctx context.Context) error {
	in.mu.Lock()
	users := make([]string, 0, len(in.homes))
	for u := range in.homes {
		users = append(users, u)
	}
	in.mu.Unlock()
	var first error
	for _, u := range users {
		if err := in.publishHome(ctx, u); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// HomeView is the App Home a member sees (nil member: one not on the
// members tab), from the dataset as it is.
func (in *Intake) HomeView(d *activity.Dataset, m *activity.Member) slack.HomeTabViewRequest {
	return in.homeView(d, m, in.o.Style)
}

func (in *Intake) homeView(d *activity.Dataset, m *activity.Member, st Style) slack.HomeTabViewRequest {
	var doc doc
	if m == nil {
		doc.section(notMember(st))
		return slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: doc.blocks}}
	}
	now := in.o.Now()
	// The year of the month just closed: in April, the year that ended.
	t := now.In(in.o.Location)
	fy := activity.FiscalYearOf(time.Date(t.Year(), t.Month(), 0, 12, 0, 0, 0, in.o.Location), in.o.FiscalYearStart)
	owed := activity.Owed(d, fy, now, in.o.Location, m)
	doc.blocks = append(doc.blocks, slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType,
		clip(st.t(strconv.Itoa(fy.Year)+"年度（"+activity.FormatMonth(fy.Start(), st.Lang)+"〜"+activity.FormatMonth(fy.End(), st.Lang)+"）の活動ログ："+m.Name+"さん",
			"Activity log, FY"+strconv.Itoa(fy.Year)+" ("+activity.FormatMonth(fy.Start(), st.Lang)+" – "+activity.FormatMonth(fy.End(), st.Lang)+"): "+m.Name), 150), false, false)))
	doc.blocks = append(doc.blocks, in.buttons(owed, preset{}, st))

	logged := map[*activity.Program]map[int]bool{}
	for i := range d.Entries {
		e := &d.Entries[i]
		if e.Program == nil || e.Date.IsZero() || !fy.Contains(e.Date) || e.Member != m.Name {
			continue
		}
		for p := e.Program; p != nil; p = p.Parent {
			if logged[p] == nil {
				logged[p] = map[int]bool{}
			}
			logged[p][e.Date.MonthKey()] = true
		}
	}
	owes := map[*activity.Program][]activity.Date{}
	for _, o := range owed {
		owes[o.Program] = append(owes[o.Program], o.Month)
	}
	var lines []string
	for _, p := range d.Catalog.Programs {
		mine := false
		for _, o := range p.Owners {
			mine = mine || d.Roster.Find(o) == m
		}
		if !mine && len(logged[p]) == 0 || len(p.Children) > 0 {
			continue
		}
		var got []string
		for _, mo := range fy.Months() {
			if logged[p][mo.MonthKey()] {
				got = append(got, shortMonth(mo, st))
			}
		}
		line := "*" + Escape(p.Code+" "+p.Name) + "*\n" + st.t("記録済み：", "Logged: ") + orNone(got, st)
		if ms := owes[p]; len(ms) > 0 {
			var ow []string
			for _, mo := range ms {
				ow = append(ow, shortMonth(mo, st))
			}
			line += "\n" + st.t("未記入：", "Missing: ") + strings.Join(ow, st.t("、", ", "))
		}
		lines = append(lines, line)
	}
	if len(lines) > 0 {
		doc.section(strings.Join(lines, "\n\n"))
	}

	var fix []string
	fs := activity.Check(d, activity.Compile(d, fy, activity.Options{}), fy, now, in.o.Location)
	n := 0
	for _, f := range fs {
		if f.Row < 0 || f.Member != m.Name {
			continue
		}
		if n++; n <= homeRows {
			row := strconv.Itoa(f.Row + 1)
			label := st.t(st.Tabs.Log+" "+row+"行目", st.Tabs.Log+" row "+row)
			fix = append(fix, "• "+st.link(f.Ref, label)+"　"+Escape(f.Message.In(st.Lang)))
		}
	}
	if n > homeRows {
		fix = append(fix, st.t("ほか "+strconv.Itoa(n-homeRows)+" 件は "+st.Tabs.Findings+" タブにあります", strconv.Itoa(n-homeRows)+" more in the "+st.Tabs.Findings+" tab"))
	}
	if len(fix) > 0 {
		doc.divider()
		doc.section(append([]string{st.t("*直してほしい行*", "*Rows to fix*")}, fix...)...)
	}
	doc.context(st.link(st.Tabs.Log, st.t("活動ログを開く", "Open the activity log")) + st.t(" · /katsudo でも記録できます", " · /katsudo logs an activity too"))
	blocks := doc.blocks
	if len(blocks) > 100 {
		blocks = blocks[:100]
	}
	return slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}}
}

// shortMonth is a month of the year shown: 4月, Apr.
func shortMonth(m activity.Date, st Style) string {
	return st.t(strconv.Itoa(int(m.Month))+"月", m.Month.String()[:3])
}

func orNone(xs []string, st Style) string {
	if len(xs) == 0 {
		return st.t("なし", "none")
	}
	return strings.Join(xs, st.t("、", ", "))
}

// buttons are 「記入する」 (pre-selecting p) and, when something is owed,
// 「活動なし」 with a confirmation that lists what it will log.
func (in *Intake) buttons(owed []activity.MissingEntry, p preset, st Style) slack.Block {
	return logButtons(owed, p, st)
}

// logButtons are the buttons the reminder DM and the App Home carry.
func logButtons(owed []activity.MissingEntry, p preset, st Style) *slack.ActionBlock {
	val, _ := json.Marshal(p)
	log := slack.NewButtonBlockElement(actionLog, string(val), slack.NewTextBlockObject(slack.PlainTextType, st.t("📝 記入する", "📝 Log an activity"), true, false))
	log.Style = slack.StylePrimary
	elems := []slack.BlockElement{log}
	if len(owed) > 0 {
		var what []string
		for _, o := range owed {
			what = append(what, o.Program.Code+" "+activity.FormatMonth(o.Month, st.Lang))
		}
		none := slack.NewButtonBlockElement(actionNoActivity, "", slack.NewTextBlockObject(slack.PlainTextType, st.t("活動なし", "No activity"), false, false))
		none.Confirm = slack.NewConfirmationBlockObject(
			slack.NewTextBlockObject(slack.PlainTextType, st.t("活動なしとして記録", "Log no activity"), false, false),
			slack.NewTextBlockObject(slack.PlainTextType, clip(st.t("次の月を「活動なし」として活動ログに記録します："+strings.Join(what, "、"), "This logs no activity (活動なし) for: "+strings.Join(what, ", ")), 300), false, false),
			slack.NewTextBlockObject(slack.PlainTextType, st.t("記録する", "Log it"), false, false),
			slack.NewTextBlockObject(slack.PlainTextType, st.t("やめる", "Cancel"), false, false),
		)
		elems = append(elems, none)
	}
	return slack.NewActionBlock("katsudo_actions", elems...)
}
