package activity

// Lang is the language of what members read: findings, the report's
// fixed words and Slack messages.
type Lang string

const (
	// Japanese is the default.
	Japanese Lang = "ja"
	// English is chosen with `language: en`.
	English Lang = "en"
)

// Text is one user-facing sentence in both languages, built where the
// facts are known and rendered in the language the organisation chose.
type Text struct {
	Ja, En string
}

// In returns the text in lang, Japanese unless English is asked for.
func (t Text) In(lang Lang) string {
	if lang == English && t.En != "" {
		return t.En
	}
	return t.Ja
}
