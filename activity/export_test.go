package activity

import "time"

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

// CheckInParallel is Check with its row checks on a goroutine of their
// own (parallel) or not, whatever the size of the log.
func CheckInParallel(d *Dataset, r *Report, fy FiscalYear, now time.Time, loc *time.Location, parallel bool) []Finding {
	return check(d, r, fy, now, loc, parallel)
}
