package activity

// Hooks for the external tests.
var (
	FormatDates = formatDates
	ShareSen    = shareSen
	HeaderKey   = headerKey
)

// LoadInParts is Load reading the log's rows in that many parts at once.
func LoadInParts(in Input, parts int) *Dataset {
	return load(in, func(int) int { return parts })
}
