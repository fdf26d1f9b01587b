package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
)

// The kinds of message each command sends; `run` and `serve` send them all
// (allKinds), so that a summary missed on the 1st goes out on the next run.
var (
	remindKinds  = []activity.MessageKind{activity.KindEscalation, activity.KindFiling, activity.KindReminder}
	summaryKinds = []activity.MessageKind{activity.KindSummary}
	allKinds     = []activity.MessageKind{activity.KindSummary, activity.KindEscalation, activity.KindFiling, activity.KindReminder}
)

// runRemind sends the reminders that are due: members' DMs, the
// deadline-day escalation and the filing reminder in the channel.
func runRemind(ctx context.Context, e env, args []string) error {
	return runSlack(ctx, e, args, "remind", remindKinds)
}

// runSummary posts the monthly summary of the month just closed, once,
// late when it was missed.
func runSummary(ctx context.Context, e env, args []string) error {
	return runSlack(ctx, e, args, "summary", summaryKinds)
}

// slackPass is what one pass over Slack does: which kinds of message, for
// which month (zero: the one the calendar gives), or only print them.
type slackPass struct {
	kinds  []activity.MessageKind
	month  activity.Date
	dryRun bool
}

func runSlack(ctx context.Context, e env, args []string, name string, kinds []activity.MessageKind) error {
	var f flags
	fs := newFlagSet(name, e, &f)
	dry := fs.Bool("dry-run", false, "print each message as text; send and record nothing")
	month := fs.String("month", "", "the month to remind about or summarise, like 2021-11 (default: the one the calendar gives)")
	j, err := parse(fs, &f, e, args)
	if err != nil {
		return err
	}
	p := slackPass{kinds: kinds, dryRun: *dry}
	if *month != "" {
		if p.month, err = activity.ParseMonth(*month); err != nil {
			return fmt.Errorf("--month: %w", err)
		}
		if p.month.MonthKey() >= activity.DateOf(j.now, j.cfg.Location).MonthKey() {
			return fmt.Errorf("--month %s has not closed yet (--now is %s)", *month, j.now.In(j.cfg.Location).Format("2006-01-02"))
		}
	}
	b, err := j.open(ctx, e)
	if err != nil {
		return err
	}
	return sendDue(ctx, j, e, b, p)
}

// sendDue sends — or, on a dry run, prints — the messages of the pass's
// kinds that are due at j.now and not yet in the 送信履歴 tab, each
// exactly once. A member or channel Slack cannot reach is printed with
// its fix and ends the command with status 1; the others still go out.
func sendDue(ctx context.Context, j *job, e env, b book, p slackPass) error {
	in, sent, err := readInput(ctx, j, b)
	if err != nil {
		return err
	}
	return sendDueFrom(ctx, j, e, b, activity.Load(in), sent, p)
}

// sendDueFrom is sendDue on a dataset and a 送信履歴 record already read.
func sendDueFrom(ctx context.Context, j *job, e env, b book, d *activity.Dataset, sent *activity.SentLog, p slackPass) error {
	if d.MissingColumns {
		printFindings(e.stderr, d.Findings, j.lang)
		n, _ := activity.Count(d.Findings)
		return findingsError{errors: n}
	}
	msgs := activity.Due(d, sent, j.now, j.dueOptions(p))
	st := j.slackStyle(ctx, b)
	if p.dryRun {
		fmt.Fprintln(e.stdout, activity.Text{Ja: "--dry-run：送信も記録もしません。", En: "--dry-run: nothing is sent or recorded."}.In(j.lang))
		printMessages(e.stdout, msgs, st, j.lang)
		return nil
	}
	if !j.slackSetUp() {
		return errors.New(activity.Text{
			Ja: "Slack が設定されていません。SLACK_BOT_TOKEN（または SLACK_WEBHOOK_URL）を設定するか、--dry-run で内容だけ確認してください",
			En: "Slack is not set up: set SLACK_BOT_TOKEN (or SLACK_WEBHOOK_URL), or pass --dry-run to see the messages",
		}.In(j.lang))
	}
	out, err := j.deliver(ctx, b, sent, msgs, st, j.logger(e), nil)
	printOutcome(e.stdout, out, j.lang)
	if err != nil {
		return err
	}
	if len(out.Problems) > 0 {
		return findingsError{errors: len(out.Problems)}
	}
	return nil
}

// slackSetUp reports whether katsudo has a way into Slack: a bot token or
// an incoming webhook.
func (j *job) slackSetUp() bool {
	return j.cfg.SlackBotToken != "" || j.cfg.SlackWebhookURL != ""
}

// deliver sends msgs through Slack, each once, recording them in the
// 送信履歴 tab that was read as sent. An error that stops the run comes
// back as its fix, in the organisation's language. client nil is the
// bot's own HTTP client.
func (j *job) deliver(ctx context.Context, b book, sent *activity.SentLog, msgs []activity.Message, st bot.Style, log *slog.Logger, client *http.Client) (bot.Outcome, error) {
	s := bot.New(bot.Options{
		Token: j.cfg.SlackBotToken, WebhookURL: j.cfg.SlackWebhookURL, APIURL: j.cfg.SlackAPIURL,
		Channel: j.cfg.SlackChannel, Location: j.cfg.Location, Logger: log, HTTPClient: client,
	})
	store := &sentStore{b: b, tab: j.tabs().Sent, j: j, log: sent}
	out, err := s.Deliver(ctx, msgs, st, store)
	var fe *bot.FatalError
	if errors.As(err, &fe) {
		err = errors.New(fe.Fix.In(j.lang) + " (" + fe.Err.Error() + ")")
	}
	return out, err
}

// dueOptions are the settings that decide what is due.
func (j *job) dueOptions(p slackPass) activity.DueOptions {
	return activity.DueOptions{
		Location: j.cfg.Location, FiscalYearStartMonth: j.cfg.FiscalYearStartMonth,
		DeadlineDay: j.cfg.DeadlineDay, FilingReminderDays: j.cfg.FilingReminderDays,
		Month: p.month, Kinds: p.kinds,
	}
}

// slackStyle is how the organisation's messages read.
func (j *job) slackStyle(ctx context.Context, b book) bot.Style {
	return bot.Style{Lang: j.lang, Tabs: j.tabs(), Link: j.sheetLink(ctx, b), Mentions: j.cfg.SlackMentions}
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
