package clerk

import (
	"strconv"

	"github.com/katsudo-npo/katsudo/activity"
)

// EmptyYearHint says, when the year compiled has no rows in the log and
// the year before it (else the year after it) has some, which --fy shows
// those rows; "" otherwise. It keeps the secretariat from filing an empty
// report in April, when the new year has begun and last year is still
// being filed, or from wondering where this year's rows went in June.
func (r *Result) EmptyYearHint(lang activity.Lang) string {
	prev := activity.FiscalYear{Year: r.Year.Year - 1, StartMonth: r.Year.StartMonth}
	next := activity.FiscalYear{Year: r.Year.Year + 1, StartMonth: r.Year.StartMonth}
	here, before, after := 0, 0, 0
	for _, e := range r.Data.Entries {
		switch {
		case r.Year.Contains(e.Date):
			here++
		case prev.Contains(e.Date):
			before++
		case next.Contains(e.Date):
			after++
		}
	}
	other, n := prev, before
	if before == 0 {
		other, n = next, after
	}
	if here > 0 || n == 0 {
		return ""
	}
	y, o, c := strconv.Itoa(r.Year.Year), strconv.Itoa(other.Year), strconv.Itoa(n)
	return activity.Text{
		Ja: y + "年度の行は活動ログにありません（" + o + "年度には " + c + "行あります）。" + o + "年度を見るには --fy " + o + " を付けてください",
		En: "the log has no rows in FY" + y + " (FY" + o + " has " + c + "); pass --fy " + o + " for FY" + o,
	}.In(lang)
}
