package bot

import (
	"strconv"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
)

// maxRows is how many rows a reminder lists; the チェック tab has the rest.
// A DM is read on a phone.
const maxRows = 10

func renderReminder(d *doc, m activity.Message, st Style) {
	r := m.Reminder
	name := Escape(m.To.Name())
	month := activity.FormatMonth(r.Month, st.Lang)
	deadline := "*" + activity.FormatDay(r.Deadline, st.Lang) + "*"
	if m.Late || r.Deadline.Before(m.Day) {
		deadline += st.t("（過ぎています）", " (passed)")
	}
	d.header = st.t("📝 活動ログ記入のお願い", "📝 Your activity log entries")
	d.text = st.t(
		"活動ログ記入のお願い："+counts(len(missingMonths(r)), len(r.Rows), st),
		"Activity log: "+counts(len(missingMonths(r)), len(r.Rows), st),
	)
	d.section(st.t(
		name+"さん、お疲れさまです。"+month+"分までの活動ログについて、次の点をお願いします。\n期限："+deadline,
		"Hello "+name+", a few things in the activity log up to "+month+" need you.\nDue: "+deadline,
	))
	if len(r.Missing) > 0 {
		lines := []string{st.t("*記録がない月*（活動がなければ、状態を「活動なし」にして1行記入してください）",
			"*Months with no row* (if nothing happened, log one row with status 活動なし)")}
		for _, mm := range r.Missing {
			ms := make([]string, len(mm.Months))
			for i, mo := range mm.Months {
				ms[i] = activity.FormatMonth(mo, st.Lang)
			}
			lines = append(lines, "• "+Escape(mm.Program.Code+" "+mm.Program.Name)+st.t("：", ": ")+strings.Join(ms, st.t("、", ", ")))
		}
		d.section(lines...)
	}
	if len(r.Rows) > 0 {
		lines := []string{st.t("*直してほしい行*", "*Rows to fix*")}
		for i, rp := range r.Rows {
			if i == maxRows {
				lines = append(lines, st.t(
					"ほか "+strconv.Itoa(len(r.Rows)-maxRows)+" 行は "+st.link(st.Tabs.Findings, st.Tabs.Findings)+" タブで確認できます",
					strconv.Itoa(len(r.Rows)-maxRows)+" more rows are in the "+st.link(st.Tabs.Findings, st.Tabs.Findings)+" tab",
				))
				break
			}
			lines = append(lines, rowLines(rp, st)...)
		}
		d.section(lines...)
	}
	reminderButtons(d, r, st)
	d.context(st.link(st.Tabs.Log, st.t("活動ログを開く", "Open the activity log")) + st.t(" · katsudo からの自動送信です", " · sent by katsudo"))
}

// rowLines are a row to fix: a link to it with what it says, then each
// problem on its own line.
func rowLines(rp activity.RowProblem, st Style) []string {
	label := st.t(rp.Tab+" "+strconv.Itoa(rp.Row+1)+"行目", rp.Tab+" row "+strconv.Itoa(rp.Row+1))
	var what []string
	if !rp.When.IsZero() {
		what = append(what, activity.FormatDay(rp.When, st.Lang))
	} else if rp.DateCell != "" {
		what = append(what, clip(rp.DateCell, 20))
	}
	for _, s := range []string{rp.Program, rp.Desc} {
		if s = clip(s, 24); s != "" {
			what = append(what, s)
		}
	}
	lines := []string{"• " + st.link(rp.Ref, label) + "　" + Escape(strings.Join(what, " · "))}
	for _, f := range rp.Problems {
		cell := f.Ref[strings.LastIndex(f.Ref, "!")+1:]
		lines = append(lines, "　↳ "+Escape(cell+" "+f.Message.In(st.Lang)))
	}
	return lines
}

func missingMonths(r *activity.Reminder) []activity.Date {
	var out []activity.Date
	for _, mm := range r.Missing {
		out = append(out, mm.Months...)
	}
	return out
}

// counts says how many months and rows are outstanding.
func counts(months, rows int, st Style) string {
	var parts []string
	if months > 0 {
		parts = append(parts, st.t("記録がない月 "+strconv.Itoa(months)+"件", plural(months, "month", "months")+" with no row"))
	}
	if rows > 0 {
		parts = append(parts, st.t("直してほしい行 "+strconv.Itoa(rows)+"件", plural(rows, "row", "rows")+" to fix"))
	}
	return strings.Join(parts, st.t("・", ", "))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func renderEscalation(d *doc, m activity.Message, st Style) {
	e := m.Escalation
	month := activity.FormatMonth(e.Month, st.Lang)
	d.header = st.t("⏰ "+month+"分の活動ログ締切", "⏰ Activity log deadline for "+month)
	d.text = st.t(month+"分の締切時点で未記入・要修正の方："+strconv.Itoa(len(e.Outstanding))+"名",
		strconv.Itoa(len(e.Outstanding))+" members still owe entries for "+month)
	lines := []string{st.t(
		"締切の *"+activity.FormatDay(e.Deadline, st.Lang)+"* の時点で、記入や修正がまだの方です。",
		"As of the deadline, *"+activity.FormatDay(e.Deadline, st.Lang)+"*, these members still have entries to add or fix:",
	)}
	for _, o := range e.Outstanding {
		lines = append(lines, "• "+st.mention(o.Member)+" — "+counts(o.Months, o.Rows, st))
	}
	d.section(lines...)
	d.context(st.t("各自には DM でお知らせしています · ", "Each of them has had a DM · ") +
		st.link(st.Tabs.Findings, st.t(st.Tabs.Findings+" タブ", "the "+st.Tabs.Findings+" tab")))
}
