package bot

import (
	"net/url"
	"strings"
	"unicode/utf16"
)

// maxText is Slack's limit on the text of one section block.
const maxText = 3000

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// Escape makes text from the spreadsheet safe to put in a Slack message:
// `&`, `<` and `>` become entities, so that a cell holding <!channel> or
// <@U123> shows as written and pings nobody, and cannot forge a link.
func Escape(s string) string { return escaper.Replace(s) }

// link is a Slack link with an escaped label; just the label when there
// is no URL. A URL carrying `|` or `>` would end the link early, so they
// are percent-encoded.
func link(rawURL, label string) string {
	if rawURL == "" {
		return Escape(label)
	}
	u := strings.NewReplacer("|", "%7C", ">", "%3E", "<", "%3C", " ", "%20").Replace(rawURL)
	if _, err := url.Parse(u); err != nil {
		return Escape(label)
	}
	return "<" + u + "|" + Escape(label) + ">"
}

// textLen counts as Slack does, in UTF-16 code units, which is never less
// than the number of characters.
func textLen(s string) int { return len(utf16.Encode([]rune(s))) }

// clip shortens member-typed text that only helps recognise a row.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// splitText cuts a text longer than maxText at line ends, or inside a
// line that is itself too long, so that nothing is lost.
func splitText(s string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, strings.TrimSuffix(cur.String(), "\n"))
			cur.Reset()
		}
	}
	for _, line := range strings.SplitAfter(s, "\n") {
		for textLen(line) > maxText {
			flush()
			r := []rune(line)
			n, units := 0, 0
			for i, c := range r {
				if units += utf16.RuneLen(c); units > maxText {
					break
				}
				n = i + 1
			}
			out = append(out, string(r[:n]))
			line = string(r[n:])
		}
		if textLen(cur.String())+textLen(line) > maxText {
			flush()
		}
		cur.WriteString(line)
	}
	flush()
	return out
}
