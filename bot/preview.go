package bot

import (
	"fmt"
	"io"
	"strconv"

	"github.com/katsudo-npo/katsudo/activity"
)

// WriteMessages prints each message as its recipient would read it, with
// who gets it and its key: what `--dry-run` and the demo show instead of
// sending.
func WriteMessages(w io.Writer, msgs []activity.Message, st Style, lang activity.Lang) {
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
		fmt.Fprint(w, PlainText(Render(m, st)))
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

// WriteOutcome says what a delivery sent, what it found already sent or
// in another katsudo's hands, and what kept messages from going out, with
// the fix for each.
func WriteOutcome(w io.Writer, out Outcome, lang activity.Lang) {
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
