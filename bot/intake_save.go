package bot

import (
	"context"
	"strings"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/slack-go/slack"
)

// save takes rows into the log and tells the member how it went, in a DM
// — or, for the 活動なし button (none) on a DM, by updating that DM in
// place — then refreshes their App Home.
func (in *Intake) save(ctx context.Context, user string, items []Item, none bool, channel, ts string) error {
	st := in.styleFor(user)
	taken, err := in.o.Desk.Take(ctx, items)
	var lines []string
	switch {
	case err != nil:
		in.log.Warn("slack intake: the row could not be saved", "err", err)
		lines = []string{"⚠️ " + unreachable(st)}
		if len(items) == 1 && items[0].Owed == nil {
			lines = append(lines, st.t("記入した内容：", "What you entered: ")+Escape(summaryOf(items[0].Submission, st)))
		}
	case len(taken.Problems) > 0:
		lines = []string{"⚠️ " + st.t("記録できませんでした。何も書き込んでいません：", "Not saved; nothing was written:")}
		for _, p := range taken.Problems {
			lines = append(lines, "• "+Escape(p.Message.In(st.Lang)))
		}
	case none:
		lines = in.noActivityLines(taken, items, st)
	case told(taken):
		// Slack delivered the same request again: the row is in and the
		// member was told; only the home tab is refreshed.
		return in.publishHome(ctx, user)
	default:
		lines = in.savedLines(taken, items, user, st)
	}
	var perr error
	if channel != "" && ts != "" {
		text := strings.Join(lines, "\n")
		_, _, _, perr = in.api.UpdateMessageContext(ctx, channel, ts, slack.MsgOptionText(text, false), slack.MsgOptionBlocks(sections(text)...))
	} else {
		perr = in.dm(ctx, user, lines)
	}
	herr := in.publishHome(ctx, user)
	return joinErr(err, joinErr(perr, herr))
}

// told reports whether every row of a Take was confirmed by an earlier
// try, whose confirmation the member has had.
func told(t Taken) bool {
	n := 0
	for i, ref := range t.Refs {
		if ref != "" {
			if i >= len(t.Earlier) || !t.Earlier[i] {
				return false
			}
			n++
		}
	}
	return n > 0
}

// savedLines confirm a row: where it is, with a link, and the months it
// completes (「これで2022年9月分はそろいました」).
func (in *Intake) savedLines(t Taken, items []Item, user string, st Style) []string {
	lines := []string{}
	for i, ref := range t.Refs {
		if ref == "" {
			continue
		}
		what := ""
		if i < len(items) {
			what = Escape(rowLabel(items[i].Submission, t.After, st)) + st.t(" を ", " ")
		}
		lines = append(lines, "✅ "+what+st.link(ref, st.t(ref+" に記録しました", "saved at "+ref)))
	}
	if t.Before != nil && t.After != nil {
		m := in.member(context.Background(), t.After, user, false)
		now := in.o.Now()
		fy := activity.FiscalYearOf(now.In(in.o.Location), in.o.FiscalYearStart)
		before := in.owed(t.Before, m, now, fy)
		after := in.owed(t.After, m, now, fy)
		for _, mo := range activity.Completed(before, after) {
			lines = append(lines, st.t("これで"+activity.FormatMonth(mo, st.Lang)+"分はそろいました", "That completes "+activity.FormatMonth(mo, st.Lang)+"."))
		}
	}
	return lines
}

func (in *Intake) noActivityLines(t Taken, items []Item, st Style) []string {
	n := 0
	for _, ref := range t.Refs {
		if ref != "" {
			n++
		}
	}
	if n == 0 {
		return []string{"✅ " + st.t("記録がない月はもうありません。ありがとうございました。", "No month is missing any more. Thank you.")}
	}
	lines := []string{"✅ " + st.t("次の月を「活動なし」として記録しました：", "Logged as no activity (活動なし):")}
	for i, ref := range t.Refs {
		if ref != "" && i < len(items) && items[i].Owed != nil {
			o := items[i].Owed
			lines = append(lines, "• "+st.link(ref, o.Program.Code+" "+o.Program.Name+" "+activity.FormatMonth(o.Month, st.Lang)))
		}
	}
	return lines
}

// owed is what a member owes in the fiscal year of now, and in the
// previous one during its first month (the month just closed is March).
func (in *Intake) owed(d *activity.Dataset, m *activity.Member, now time.Time, fy activity.FiscalYear) []activity.MissingEntry {
	out := activity.Owed(d, fy, now, in.o.Location, m)
	if now.In(in.o.Location).Month() == fy.StartMonth {
		prev := activity.FiscalYear{Year: fy.Year - 1, StartMonth: fy.StartMonth}
		out = append(activity.Owed(d, prev, now, in.o.Location, m), out...)
	}
	return out
}

// noActivity logs 活動なし for every program and month the member owes,
// as the log stands now.
func (in *Intake) noActivity(ctx context.Context, user, channel, ts string) error {
	in.learn(ctx, user)
	d, err := in.o.Desk.Reload(ctx)
	if err != nil {
		return joinErr(err, in.dm(ctx, user, []string{"⚠️ " + unreachable(in.styleFor(user))}))
	}
	m := in.member(ctx, d, user, true)
	if m == nil {
		return in.dm(ctx, user, []string{notMember(in.styleFor(user))})
	}
	now := in.o.Now()
	fy := activity.FiscalYearOf(now.In(in.o.Location), in.o.FiscalYearStart)
	var items []Item
	for _, me := range in.owed(d, m, now, fy) {
		me := me
		items = append(items, Item{
			Key:        "entry/none/" + me.Program.Code + "/" + me.Month.ISO() + "/" + m.Name,
			Submission: activity.NoActivity(me, m),
			Owed:       &me,
		})
	}
	return in.save(ctx, user, items, true, channel, ts)
}

// dm sends lines to a member's DM with the app.
func (in *Intake) dm(ctx context.Context, user string, lines []string) error {
	ch, _, _, err := in.api.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{user}})
	if err != nil {
		return err
	}
	text := strings.Join(lines, "\n")
	_, _, err = in.api.PostMessageContext(ctx, ch.ID, slack.MsgOptionText(text, false), slack.MsgOptionBlocks(sections(text)...))
	return err
}

// sections are text as section blocks, split where Slack's limit says.
func sections(text string) []slack.Block {
	var out []slack.Block
	for _, s := range splitText(text) {
		out = append(out, slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, s, false, false), nil, nil))
	}
	return out
}

// summaryOf is a submission in one line, so that a member whose row
// could not be saved does not lose what they typed.
func summaryOf(s activity.Submission, st Style) string {
	var parts []string
	for _, c := range activity.LogColumns {
		if v := s.Fields[c.Key]; v != "" {
			parts = append(parts, st.t(c.Ja, c.Aliases[0])+"："+v)
		}
	}
	return clip(strings.Join(parts, "　"), 2000)
}

// rowLabel names a saved row the way the member will recognise it: its
// date and program (2021年11月14日 1-1 経営管理支援).
func rowLabel(s activity.Submission, d *activity.Dataset, st Style) string {
	parts := []string{}
	if day, err := activity.ParseDate(activity.TextCell(s.Fields["date"])); err == nil {
		if day.IsMonth() {
			parts = append(parts, activity.FormatMonth(day, st.Lang))
		} else {
			parts = append(parts, activity.FormatDay(day, st.Lang))
		}
	}
	code := s.Fields["program"]
	if d != nil && d.Catalog != nil {
		if p := d.Catalog.Resolve(activity.TextCell(code)); p != nil {
			code = p.Code + " " + p.Name
		}
	}
	return clip(strings.Join(append(parts, code), " "), 80)
}
