package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
)

// printFindings prints findings grouped by severity, errors first.
func printFindings(w io.Writer, fs []activity.Finding, lang activity.Lang) {
	errs, warns := activity.Count(fs)
	if len(fs) == 0 {
		fmt.Fprintln(w, activity.Text{Ja: "問題は見つかりませんでした。", En: "No findings."}.In(lang))
		return
	}
	fmt.Fprintln(w, activity.Text{
		Ja: "エラー " + strconv.Itoa(errs) + "件、注意 " + strconv.Itoa(warns) + "件",
		En: strconv.Itoa(errs) + " errors, " + strconv.Itoa(warns) + " warnings",
	}.In(lang))
	var sev activity.Severity
	for _, f := range fs {
		if f.Severity != sev {
			sev = f.Severity
			fmt.Fprintln(w, "\n["+activity.SeverityText(sev, lang)+"]")
		}
		who := ""
		if f.Member != "" {
			who = " (" + f.Member + ")"
		}
		fmt.Fprintf(w, "  %s %s%s\n    %s\n", f.Ref, f.Code, who, f.Message.In(lang))
	}
}

// printMessages prints each message as a member would read it.
func printMessages(w io.Writer, msgs []activity.Message, st bot.Style, lang activity.Lang) {
	if len(msgs) == 0 {
		fmt.Fprintln(w, activity.Text{Ja: "いま送るメッセージはありません。", En: "Nothing is due now."}.In(lang))
		return
	}
	fmt.Fprintln(w, activity.Text{
		Ja: "送信するメッセージ " + strconv.Itoa(len(msgs)) + "件",
		En: strconv.Itoa(len(msgs)) + " messages due",
	}.In(lang))
	for _, m := range msgs {
		fmt.Fprintln(w, "\n── "+recipientLabel(m, lang)+"  "+m.Key)
		fmt.Fprint(w, bot.PlainText(bot.Render(m, st)))
	}
}

func recipientLabel(m activity.Message, lang activity.Lang) string {
	late := ""
	if m.Late {
		late = activity.Text{Ja: "（遅れて送信）", En: " (late)"}.In(lang)
	}
	if m.To.IsChannel() {
		return activity.Text{Ja: "チャンネル", En: "channel"}.In(lang) + late
	}
	who := m.To.Member.Name
	if m.To.Member.Slack != "" {
		who += " (" + m.To.Member.Slack + ")"
	}
	return "DM → " + who + late
}

// printOutcome says what was sent and what kept messages from going out.
func printOutcome(w io.Writer, out bot.Outcome, lang activity.Lang) {
	n := func(i int) string { return strconv.Itoa(i) }
	fmt.Fprintln(w, activity.Text{
		Ja: "Slack：送信 " + n(len(out.Sent)) + "件、送信済み " + n(out.Skipped) + "件、前回送信分を記録 " + n(len(out.Recovered)) + "件",
		En: "Slack: " + n(len(out.Sent)) + " sent, " + n(out.Skipped) + " already sent, " + n(len(out.Recovered)) + " sent earlier and recorded now",
	}.In(lang))
	if out.Busy > 0 || out.Unsettled > 0 {
		fmt.Fprintln(w, activity.Text{
			Ja: "別の katsudo が送信中 " + n(out.Busy) + "件、届いたか確かめられなかったもの " + n(out.Unsettled) + "件（次回の実行で Slack の履歴を確かめてから送ります）",
			En: n(out.Busy) + " being sent by another katsudo, " + n(out.Unsettled) + " not known to have arrived (the next run checks Slack's history before sending them)",
		}.In(lang))
	}
	for _, r := range out.Sent {
		fmt.Fprintln(w, "  ✓ "+string(r.Kind)+" "+r.Period+" → "+r.Recipient)
	}
	if len(out.Problems) > 0 {
		fmt.Fprintln(w, activity.Text{Ja: "送れなかったもの（直し方）：", En: "Not sent (and how to fix it):"}.In(lang))
		for _, p := range out.Problems {
			fmt.Fprintln(w, "  ✗ "+p.Text.In(lang))
		}
	}
}
