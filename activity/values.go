package activity

import "time"

// Date is the day a member logged an activity, or a whole month (Day == 0)
// for ongoing work logged as `2021年11月`.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// IsMonth reports whether the date names a whole month rather than a day.
func (d Date) IsMonth() bool { return d.Day == 0 }

// IsZero reports whether no date was given.
func (d Date) IsZero() bool { return d.Year == 0 }

// Time is the start of the day (or of the month) in loc.
func (d Date) Time(loc *time.Location) time.Time {
	day := d.Day
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, d.Month, day, 0, 0, 0, 0, loc)
}

// MonthKey orders months: year*12 + month-1.
func (d Date) MonthKey() int { return d.Year*12 + int(d.Month) - 1 }

// Before orders dates; a whole month sorts before its days.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

// Amount is money a member logged, converted to yen.
type Amount struct {
	Yen int64
	// Approx is set when the member wrote 約 or 概算.
	Approx bool
	// Unit is the unit the member wrote: "円", "千円", "万円" or "" for a bare number.
	Unit string
}

// Beneficiary is one group of people or organisations an activity served,
// as in `中小企業 6社` or `約120名`.
type Beneficiary struct {
	// Label is what kind they are (中小企業, 個人, 横浜市, 一般市民); may be empty.
	Label string
	// Unit is the counter, normalised: 名 (also for 人), 社, 団体, 施設, 校, 件, 組, 世帯; empty for a bare number.
	Unit  string
	Count int
	// Approx is set for 約, 程度, 余り, 〜 approximate counts.
	Approx bool
}

// Staff is who worked on an activity: members by name, plus people
// counted without names (`3`, `3人`, `他2名`).
type Staff struct {
	Names []string
	Extra int
}

// Status is what became of a logged activity.
type Status uint8

const (
	// StatusDone is an activity that took place (empty cell or 実施).
	StatusDone Status = iota
	// StatusCancelled is an activity that was called off (中止).
	StatusCancelled
	// StatusNoActivity says there was nothing to report that month (活動なし).
	StatusNoActivity
)
