package clerk

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/bot"
)

// ErrorsFound ends a command with exit status 1 once what it found has
// been told: N findings are errors, or N messages could not be delivered.
type ErrorsFound struct{ N int }

func (e ErrorsFound) Error() string { return strconv.Itoa(e.N) + " errors found" }

// Terminal is where a command tells the person who typed it what it did:
// Out for the results, Err for hints and what stopped it.
type Terminal struct {
	Out, Err io.Writer
	// JSON prints results as one JSON object instead of text.
	JSON bool
}

// WriteJSON prints v as indented JSON, leaving Japanese and <, > as they are.
func (t Terminal) WriteJSON(v any) error {
	enc := json.NewEncoder(t.Out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// missing prints the findings of a read that lacks a required header and
// returns the ErrorsFound that ends the command.
func missing(w io.Writer, fs []activity.Finding, lang activity.Lang) error {
	activity.WriteFindings(w, fs, lang)
	n, _ := activity.Count(fs)
	return ErrorsFound{N: n}
}

// Check is `katsudo check`: it prints every finding of the year compiled
// at now, and ends with ErrorsFound when any is an error.
func (c *Clerk) Check(ctx context.Context, t Terminal, now time.Time) error {
	res, err := c.Compile(ctx, now)
	if err != nil {
		return err
	}
	if hint := res.EmptyYearHint(c.Lang()); hint != "" {
		fmt.Fprintln(t.Err, hint)
	}
	if t.JSON {
		if err := t.WriteJSON(activity.FindingsJSON(res.Findings, c.Lang())); err != nil {
			return err
		}
	} else {
		activity.WriteFindings(t.Out, res.Findings, c.Lang())
	}
	if n, _ := activity.Count(res.Findings); n > 0 {
		return ErrorsFound{N: n}
	}
	return nil
}

// Report is `katsudo report`: it compiles the report, writes the report
// and findings tabs in one write, and prints the report. When a required
// header is missing it prints the findings and writes nothing.
func (c *Clerk) Report(ctx context.Context, t Terminal, now time.Time) error {
	res, err := c.Compile(ctx, now)
	if err != nil {
		return err
	}
	lang := c.Lang()
	if hint := res.EmptyYearHint(lang); hint != "" {
		fmt.Fprintln(t.Err, hint)
	}
	if res.Data.MissingColumns {
		err := missing(t.Err, res.Findings, lang)
		fmt.Fprintln(t.Err, activity.Text{Ja: "見出しが足りないため、何も書き込みませんでした。", En: "A required header is missing: nothing was written."}.In(lang))
		return err
	}
	if err := c.Book.Write(ctx, c.Sheets(res)); err != nil {
		return err
	}
	if t.JSON {
		return t.WriteJSON(res.Report)
	}
	if err := res.Report.WriteText(t.Out); err != nil {
		return err
	}
	errs, warns := activity.Count(res.Findings)
	tabs := c.Config.Tabs
	fmt.Fprintln(t.Out, "\n"+activity.Text{
		Ja: fmt.Sprintf("「%s」と「%s」タブを書き込みました（エラー %d件、注意 %d件）。", tabs.Report, tabs.Findings, errs, warns),
		En: fmt.Sprintf("Wrote the %q and %q tabs (%d errors, %d warnings).", tabs.Report, tabs.Findings, errs, warns),
	}.In(lang))
	return nil
}

// SendTold sends the messages of the plan's kinds that are due at now
// (see Send) and prints what went out. A member or channel Slack cannot
// reach is printed with its fix and ends with ErrorsFound; the others
// still go out.
func (c *Clerk) SendTold(ctx context.Context, t Terminal, now time.Time, plan Plan) error {
	out, err := c.Send(ctx, now, plan)
	if errors.Is(err, ErrMissingColumns) {
		return missing(t.Err, out.Findings, c.Lang())
	}
	if errors.Is(err, ErrNoSlack) {
		return err
	}
	out.WriteHeld(t.Out, c.Config.Location, c.Lang())
	bot.WriteOutcome(t.Out, out.Slack, c.Lang())
	if err != nil {
		return err
	}
	if len(out.Slack.Problems) > 0 {
		return ErrorsFound{N: len(out.Slack.Problems)}
	}
	return nil
}

// PreviewTold prints the messages SendTold would send, and sends and
// records nothing.
func (c *Clerk) PreviewTold(ctx context.Context, t Terminal, now time.Time, plan Plan) error {
	msgs, st, out, err := c.Preview(ctx, now, plan)
	if errors.Is(err, ErrMissingColumns) {
		return missing(t.Err, out.Findings, c.Lang())
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(t.Out, activity.Text{Ja: "--dry-run：送信も記録もしません。", En: "--dry-run: nothing is sent or recorded."}.In(c.Lang()))
	bot.WriteMessages(t.Out, msgs, st, c.Lang())
	out.WriteHeld(t.Out, c.Config.Location, c.Lang())
	return nil
}

// WriteHeld says how many messages wait for their schedule, and until
// when; nothing when none waits.
func (o Outcome) WriteHeld(w io.Writer, loc *time.Location, lang activity.Lang) {
	if o.Held == 0 {
		return
	}
	at := o.Next.In(loc).Format("2006-01-02 15:04")
	fmt.Fprintln(w, activity.Text{
		Ja: "予定の時刻を待っているメッセージ " + strconv.Itoa(o.Held) + "件（最初は " + at + "。katsudo.yaml の schedule で変えられます）",
		En: strconv.Itoa(o.Held) + " messages wait for their scheduled time (the first at " + at + "; see schedule in katsudo.yaml)",
	}.In(lang))
}
