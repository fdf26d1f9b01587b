package main

import (
	"context"
	"errors"
	"fmt"

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
	dry := fs.Bool("dry-run", false, e.say("各メッセージを文字で表示するだけで、送信も記録もしません", "print each message as text; send and record nothing"))
	month := fs.String("month", "", e.say("リマインドする月・まとめる月（例：2021-11）。既定：暦どおり", "the month to remind about or summarise, like 2021-11 (default: the one the calendar gives)"))
	j, err := parse(fs, &f, e, args)
	if err != nil {
		return err
	}
	plan := clerk.Plan{Slack: true, Kinds: kinds}
	if *month != "" {
		if plan.Month, err = activity.ParseMonth(*month); err != nil {
			return fmt.Errorf("--month: %w", err) // activity.ParseMonth says what it takes
		}
		if plan.Month.MonthKey() >= activity.DateOf(j.now, j.cfg.Location).MonthKey() {
			return e.usagef("--month %s の月はまだ終わっていません（--now は %s）", "--month %s has not closed yet (--now is %s)", *month, j.now.In(j.cfg.Location).Format("2006-01-02"))
		}
	}
	b, err := j.open(ctx, e)
	if err != nil {
		return err
	}
	c := j.clerk(b, j.logger(e), nil)
	if *dry {
		return c.PreviewTold(ctx, j.terminal(e), j.now, plan)
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
		c.Holder = holderID(l.Path)
	}
	return c.SendTold(ctx, j.terminal(e), j.now, plan)
}
