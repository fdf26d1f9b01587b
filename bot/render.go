package bot

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/slack-go/slack"
)

// maxBlocks is Slack's limit on the blocks of one message.
const maxBlocks = 50

// Style is how the organisation's messages read: the language, links into
// the spreadsheet, and whether the deadline escalation mentions members.
type Style struct {
	Lang activity.Lang
	Tabs activity.Tabs
	// Link returns a URL that opens the spreadsheet at a reference — a cell
	// (活動ログ!A17) or a whole tab (チェック) — or "" when there is none
	// (a local workbook).
	Link func(ref string) string
	// Mentions makes the deadline escalation mention the members still
	// outstanding (<@U…>) instead of naming them (slack_mentions).
	Mentions bool
	// Buttons puts the 「記入する」 and 「活動なし」 buttons on reminders:
	// set when katsudo takes requests from Slack (Socket Mode or HTTP).
	Buttons bool
	// userID resolves a member's Slack user; Deliver sets it. Without it
	// only members given by user ID can be mentioned.
	userID func(*activity.Member) string
}

// mention is how the escalation names a member.
func (st Style) mention(m *activity.Member) string {
	if st.Mentions {
		id := ""
		switch {
		case st.userID != nil:
			id = st.userID(m)
		case userIDRE.MatchString(m.Slack):
			id = m.Slack
		}
		if id != "" {
			return "<@" + id + ">"
		}
	}
	return Escape(m.Name)
}

func (st Style) t(ja, en string) string { return activity.Text{Ja: ja, En: en}.In(st.Lang) }

// ja is a word only the Japanese text needs.
func (st Style) ja(s string) string {
	if st.Lang == activity.English {
		return ""
	}
	return s
}

func (st Style) link(ref, label string) string {
	if st.Link == nil {
		return Escape(label)
	}
	return link(st.Link(ref), label)
}

// Part is one Slack message as it is posted: its key (the message's own
// key, or the key and #2, #3 … for the continuations of a message too long
// for one), the notification text and the Block Kit blocks.
type Part struct {
	Key    string
	Text   string
	Blocks []slack.Block
}

// Render lays a due message out as Block Kit, in one part unless it needs
// more than Slack's 50 blocks. Every piece of spreadsheet text in it is
// escaped.
func Render(m activity.Message, st Style) []Part {
	var d doc
	switch {
	case m.Reminder != nil:
		renderReminder(&d, m, st)
	case m.Escalation != nil:
		renderEscalation(&d, m, st)
	case m.Summary != nil:
		renderSummary(&d, m, st)
	case m.Filing != nil:
		renderFiling(&d, m, st)
	}
	if m.Late && m.To.IsChannel() {
		day := activity.FormatDay(m.Day, st.Lang)
		d.context(st.t("※ "+day+"に送る予定だったものを、遅れてお送りしています。", "Sent late: this was due on "+day+"."))
	}
	return d.parts(m.Key, st)
}

// doc collects a message's blocks.
type doc struct {
	header string
	text   string
	blocks []slack.Block
}

// section adds the lines as one section, or several when they exceed
// Slack's 3,000 characters: a long text is split, never cut.
func (d *doc) section(lines ...string) {
	text := strings.Join(lines, "\n")
	if strings.TrimSpace(text) == "" {
		return
	}
	for _, s := range splitText(text) {
		d.blocks = append(d.blocks, slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, s, false, false), nil, nil))
	}
}

func (d *doc) context(text string) {
	for _, s := range splitText(text) {
		d.blocks = append(d.blocks, slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, s, false, false)))
	}
}

func (d *doc) divider() { d.blocks = append(d.blocks, slack.NewDividerBlock()) }

// parts cuts the blocks into messages of at most 50 blocks, each with the
// header (marked 2/3 … on the continuations).
func (d *doc) parts(key string, st Style) []Part {
	per := maxBlocks - 1
	n := max(1, (len(d.blocks)+per-1)/per)
	out := make([]Part, 0, n)
	for i := range n {
		header, k := d.header, key
		if n > 1 {
			header += " (" + strconv.Itoa(i+1) + "/" + strconv.Itoa(n) + ")"
		}
		if i > 0 {
			k += "#" + strconv.Itoa(i+1)
		}
		blocks := []slack.Block{slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, clip(header, 150), true, false))}
		blocks = append(blocks, d.blocks[min(i*per, len(d.blocks)):min((i+1)*per, len(d.blocks))]...)
		out = append(out, Part{Key: k, Text: d.text, Blocks: blocks})
	}
	return out
}

var (
	linkRE   = regexp.MustCompile(`<([^<>|]*)\|([^<>]*)>`)
	boldRE   = regexp.MustCompile(`\*([^*\n]+)\*`)
	unescape = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")
)

// PlainText is a message as a person reads it in a terminal (--dry-run,
// demo): the header, then each block's text, links as their labels.
func PlainText(parts []Part) string {
	var b strings.Builder
	for _, p := range parts {
		for _, blk := range p.Blocks {
			switch blk := blk.(type) {
			case *slack.HeaderBlock:
				b.WriteString("【" + blk.Text.Text + "】\n")
			case *slack.SectionBlock:
				b.WriteString(readable(blk.Text.Text) + "\n")
			case *slack.ContextBlock:
				for _, e := range blk.ContextElements.Elements {
					if t, ok := e.(*slack.TextBlockObject); ok {
						b.WriteString("  " + readable(t.Text) + "\n")
					}
				}
			case *slack.DividerBlock:
				b.WriteString("  ---\n")
			}
		}
	}
	return b.String()
}

func readable(s string) string {
	return unescape.Replace(boldRE.ReplaceAllString(linkRE.ReplaceAllString(s, "$2"), "$1"))
}
