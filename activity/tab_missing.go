package activity

import (
	"strconv"
	"strings"
)

// TabNotFoundError means a tab katsudo needs (活動ログ, メンバー, …) is not in
// the spreadsheet, local workbook or Google Sheet alike. It names the tabs
// that are there, so a renamed tab or a stray space in its name is easy to
// spot. A pass recognises it with errors.As: a missing 送信履歴, for
// instance, only means nothing was sent yet.
type TabNotFoundError struct {
	Tab  string   // the tab katsudo looked for
	File string   // the workbook's path or the spreadsheet's URL
	Tabs []string // the tabs the spreadsheet has, in order
}

func (e *TabNotFoundError) Error() string {
	return "tab " + strconv.Quote(e.Tab) + " not found in " + e.File + " (its tabs: " + QuoteList(e.Tabs) + ")"
}

// QuoteList renders tab names for a message as "a", "b"; none at all as (none).
func QuoteList(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(n))
	}
	return b.String()
}
