package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/clerk"
)

// runRemind sends the reminders that are due: members' DMs, the
// deadline-day escalation and the filing reminder in the channel.
func runRemind(ctx context.Context, e env, args []string) error {
	return runSlack(ctx, e, args, "remind", clerk.RemindKinds)
}

// runSummary posts the monthly summary of the month just closed, once,
// late when it was missed.
func runSummary(ctx context.Context, e env, args []string) error {
	return runSlack(ctx, e, args, "summary", clerk.SummaryKinds)
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
	plan := clerk.Plan{Slack: true, Kinds: kinds}
	if *month != "" {
		if plan.Month, err = activity.ParseMonth(*month); err != nil {
			return fmt.Errorf("--month: %w", err)
		}
		if plan.Month.MonthKey() >= activity.DateOf(j.now, j.cfg.Location).MonthKey() {
			return fmt.Errorf("--month %s has not closed yet (--now is %s)", *month, j.now.In(j.cfg.Location).Format("2006-01-02"))
		}
	}
	b, err := j.open(ctx, e)
	if err != nil {
		return err
	}
	c := j.clerk(b, j.logger(e), nil)
	if *dry {
		return previewDue(ctx, c, j, e, plan)
	}
	l, err := lockToSend(ctx, e, j)
	if errors.Is(err, errStandBy) {
		return nil
	}
	if err != nil {
		return err
	}
	defer l.Unlock()
	if l != nil {
		c.Holder = holderID(l.path)
	}
	return sendDue(ctx, c, j, e, plan)
}

// sendDue sends the messages of the plan's kinds that are due at j.now,
// whose schedule has come and that the 送信履歴 tab does not hold, each
// exactly once. A member or channel Slack cannot reach is printed with
// its fix and ends the command with status 1; the others still go out.
func sendDue(ctx context.Context, c *clerk.Clerk, j *settings, e env, plan clerk.Plan) error {
	out, err := c.Send(ctx, j.now, plan)
	if errors.Is(err, clerk.ErrMissingColumns) {
		printFindings(e.stderr, out.Findings, j.lang)
		n, _ := activity.Count(out.Findings)
		return findingsError{errors: n}
	}
	if errors.Is(err, clerk.ErrNoSlack) {
		return err
	}
	printHeld(e.stdout, out, j)
	printOutcome(e.stdout, out.Slack, j.lang)
	if err != nil {
		return err
	}
	if len(out.Slack.Problems) > 0 {
		return findingsError{errors: len(out.Slack.Problems)}
	}
	return nil
}

// previewDue prints the messages sendDue would send, and sends and
// records nothing.
func previewDue(ctx context.Context, c *clerk.Clerk, j *settings, e env, plan clerk.Plan) error {
	msgs, st, out, err := c.Preview(ctx, j.now, plan)
	if errors.Is(err, clerk.ErrMissingColumns) {
		printFindings(e.stderr, out.Findings, j.lang)
		n, _ := activity.Count(out.Findings)
		return findingsError{errors: n}
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, activity.Text{Ja: "--dry-run：送信も記録もしません。", En: "--dry-run: nothing is sent or recorded."}.In(j.lang))
	printMessages(e.stdout, msgs, st, j.lang)
	printHeld(e.stdout, out, j)
	return nil
}

// printHeld says how many messages wait for their schedule, and until when.
func printHeld(w io.Writer, out clerk.Outcome, j *settings) {
	if out.Held == 0 {
		return
	}
	at := out.Next.In(j.cfg.Location).Format("2006-01-02 15:04")
	fmt.Fprintln(w, activity.Text{
		Ja: "予定の時刻を待っているメッセージ " + strconv.Itoa(out.Held) + "件（最初は " + at + "。katsudo.yaml の schedule で変えられます）",
		En: strconv.Itoa(out.Held) + " messages wait for their scheduled time (the first at " + at + "; see schedule in katsudo.yaml)",
	}.In(j.lang))
}
