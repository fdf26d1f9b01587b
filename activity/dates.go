package activity

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// maxListedDays is how many single days the report lists before it speaks
// of months instead.
const maxListedDays = 10

type dateToken struct {
	from, to Date // to == from for a single day or month
}

// formatDates prints the days and months of a program's activity the way
// Japanese reports do: 2021年11月14日、11月28日 / 2021年9月〜10月.
func formatDates(days, months map[Date]struct{}, lang Lang) string {
	monthSet := map[int]bool{}
	for m := range months {
		monthSet[m.MonthKey()] = true
	}
	var ds []Date
	for d := range days {
		if !monthSet[d.MonthKey()] {
			ds = append(ds, d)
		}
	}
	if len(ds) > maxListedDays {
		for _, d := range ds {
			monthSet[d.MonthKey()] = true
		}
		ds = nil
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].Before(ds[j]) })
	var toks []dateToken
	// Months: consecutive ones become a range.
	keys := make([]int, 0, len(monthSet))
	for k := range monthSet {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for i := 0; i < len(keys); {
		j := i
		for j+1 < len(keys) && keys[j+1] == keys[j]+1 {
			j++
		}
		toks = append(toks, dateToken{from: monthOf(keys[i]), to: monthOf(keys[j])})
		i = j + 1
	}
	// Days: runs of three or more consecutive days become a range.
	for i := 0; i < len(ds); {
		j := i
		for j+1 < len(ds) && nextDay(ds[j]) == ds[j+1] {
			j++
		}
		if j-i >= 2 {
			toks = append(toks, dateToken{from: ds[i], to: ds[j]})
		} else {
			for k := i; k <= j; k++ {
				toks = append(toks, dateToken{from: ds[k], to: ds[k]})
			}
		}
		i = j + 1
	}
	sort.SliceStable(toks, func(i, j int) bool { return toks[i].from.Before(toks[j].from) })
	var b strings.Builder
	year := 0
	for i, t := range toks {
		if i > 0 {
			b.WriteString(Text{Ja: "、", En: ", "}.In(lang))
		}
		if lang == English {
			b.WriteString(enDate(t.from, t.from.Year != year || i == 0))
			if t.to != t.from {
				b.WriteString("–" + enDate(t.to, true))
			}
			year = t.to.Year
			continue
		}
		b.WriteString(jaDate(t.from, t.from.Year != year))
		if t.to != t.from {
			b.WriteString("〜")
			if t.to.IsMonth() || t.to.Month != t.from.Month || t.to.Year != t.from.Year {
				b.WriteString(jaDate(t.to, t.to.Year != t.from.Year))
			} else {
				b.WriteString(strconv.Itoa(t.to.Day) + "日")
			}
		}
		year = t.to.Year
	}
	return b.String()
}

func jaDate(d Date, withYear bool) string {
	s := ""
	if withYear {
		s = strconv.Itoa(d.Year) + "年"
	}
	s += strconv.Itoa(int(d.Month)) + "月"
	if !d.IsMonth() {
		s += strconv.Itoa(d.Day) + "日"
	}
	return s
}

func enDate(d Date, withYear bool) string {
	s := d.Month.String()[:3]
	if !d.IsMonth() {
		s = strconv.Itoa(d.Day) + " " + s
	}
	if withYear {
		s += " " + strconv.Itoa(d.Year)
	}
	return s
}

func monthOf(key int) Date { return Date{Year: key / 12, Month: time.Month(key%12 + 1)} }

func nextDay(d Date) Date {
	t := time.Date(d.Year, d.Month, d.Day+1, 0, 0, 0, 0, time.UTC)
	return Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}
