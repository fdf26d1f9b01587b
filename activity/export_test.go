package activity

// Hooks for the external tests.
var (
	FormatDates = formatDates
	ShareSen    = shareSen
	HeaderKey   = headerKey
)
