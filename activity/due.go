package activity

import (
	"strings"
	"time"
)

// MessageKind is what a Slack message is for.
type MessageKind string

// The messages katsudo sends (SPEC §5).
const (
	// MessageReminder is a member's DM: the months they have not logged and
	// the rows of theirs that cannot be read.
	MessageReminder MessageKind = "reminder"
	// MessageEscalation tells the channel, on a month's deadline, who is
	// still outstanding.
	MessageEscalation MessageKind = "escalation"
	// MessageSummary is the channel's monthly summary of the month just closed.
	MessageSummary MessageKind = "summary"
	// MessageFiling reminds the channel that the 事業報告書 is due at the
	// prefecture.
	MessageFiling MessageKind = "filing"
)

// Recipient is who a message goes to: one member by DM, or the
// organisation's channel when Member is nil.
type Recipient struct {
	Member *Member
}

// IsChannel reports whether the message goes to the channel.
func (r Recipient) IsChannel() bool { return r.Member == nil }

// Name is the member's name, or "channel".
func (r Recipient) Name() string {
	if r.Member == nil {
		return "channel"
	}
	return r.Member.Name
}

// Message is one Slack message that is due: what it is for, whom it goes
// to and what it says, in facts rather than words (the bot renders them).
// Key identifies it for ever — kind/period/recipient/day — so that it is
// sent exactly once whatever happens to katsudo between runs.
type Message struct {
	Kind MessageKind
	Key  string
	// Period is the month it is about (2021-11) or the fiscal year (FY2021).
	Period string
	// Day is the day the message is for; Late is set when it goes out
	// after that day because katsudo did not run then.
	Day  Date
	Late bool
	To   Recipient
	// Exactly one of these holds the content, as Kind says.
	Reminder   *Reminder
	Escalation *Escalation
	Summary    *Summary
	Filing     *Filing
}

// MessageKey is the idempotency key of a message: kind, period,
// recipient and day, as reminder/2021-11/吉田修/2021-12-02.
func MessageKey(kind MessageKind, period string, to Recipient, day Date) string {
	who := "channel"
	if to.Member != nil {
		who = strings.NewReplacer("/", "／", "#", "＃").Replace(nameKey(to.Member.Name))
	}
	return string(kind) + "/" + period + "/" + who + "/" + day.ISO()
}

// DueOptions are the organisation's settings that decide when messages
// are due.
type DueOptions struct {
	Location             *time.Location
	FiscalYearStartMonth time.Month
	// DeadlineDay is the day of the next month by which a month's entries
	// are due.
	DeadlineDay int
	// FilingReminderDays is how many days before the filing deadline the
	// channel starts being reminded; 0 turns the filing reminder off.
	FilingReminderDays int
	// Month, when set, is the month to remind about and summarise instead
	// of the one the calendar gives (`--month 2021-11`): its reminders are
	// due today, whatever day today is.
	Month Date
	// Kinds limits the result to these kinds; none means all.
	Kinds []MessageKind
	// Checked, when not nil, are the findings of a Check already run for
	// fiscal year CheckedYear at the same moment: the summary and the
	// filing reminder reuse them instead of checking the log again.
	Checked     []Finding
	CheckedYear FiscalYear
}

// findings are the findings of fiscal year fy at now.
func (o DueOptions) findings(d *Dataset, fy FiscalYear, now time.Time) []Finding {
	if o.Checked != nil && o.CheckedYear == fy {
		return o.Checked
	}
	return Check(d, Compile(d, fy, Options{}), fy, now, o.Location)
}

// Due lists the messages due at now that the record of what was sent
// does not hold yet, in the order they should go out: channel messages
// first, then one DM per member in the members tab's order. Messages that
// became due while katsudo was not running are included once (marked
// Late); daily reminders that were missed are not sent after the fact.
func Due(d *Dataset, sent *SentLog, now time.Time, o DueOptions) []Message {
	if o.Location == nil {
		o.Location = time.UTC
	}
	if o.DeadlineDay < 1 {
		o.DeadlineDay = 5
	}
	today := DateOf(now, o.Location)
	var out []Message
	if o.wants(MessageSummary) {
		out = append(out, dueSummaries(d, sent, now, today, o)...)
	}
	if o.wants(MessageFiling) {
		out = append(out, dueFiling(d, now, today, o)...)
	}
	if o.wants(MessageReminder) || o.wants(MessageEscalation) {
		out = append(out, dueReminders(d, now, today, o)...)
	}
	kept := out[:0]
	for _, m := range out {
		if o.wants(m.Kind) && !sent.Has(m.Key) {
			m.Late = m.Late && o.Month.IsZero() // asked for by hand, not missed
			kept = append(kept, m)
		}
	}
	return kept
}

func (o DueOptions) wants(k MessageKind) bool {
	if len(o.Kinds) == 0 {
		return true
	}
	for _, w := range o.Kinds {
		if w == k {
			return true
		}
	}
	return false
}

func newMessage(kind MessageKind, period string, to Recipient, day, today Date) Message {
	return Message{
		Kind: kind, Key: MessageKey(kind, period, to, day), Period: period,
		Day: day, Late: dayNumber(today) > dayNumber(day), To: to,
	}
}

func fiscalPeriod(fy FiscalYear) string { return "FY" + fy.String() }
