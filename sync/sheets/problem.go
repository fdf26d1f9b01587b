package sheets

import (
	"strconv"
	"strings"
)

// problem is an error whose message is written for the member while
// errors.Is still finds the cause (ErrNoCredentials, fs.ErrNotExist, …).
type problem struct {
	msg   string
	cause error
}

func (p *problem) Error() string { return p.msg }
func (p *problem) Unwrap() error { return p.cause }

func newProblem(cause error, msg string) error { return &problem{msg: msg, cause: cause} }

// tabWord renders the tabs of a Read for an error message: tab "活動ログ",
// tabs "活動ログ", "メンバー".
func tabWord(tabs []string) string {
	word := "tabs "
	if len(tabs) == 1 {
		word = "tab "
	}
	if len(tabs) == 0 {
		return word + "none"
	}
	var b strings.Builder
	b.WriteString(word)
	for i, n := range tabs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(n))
	}
	return b.String()
}
