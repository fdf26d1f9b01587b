package activity_test

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
)

func ymd(y int, m time.Month, d int) activity.Date { return activity.Date{Year: y, Month: m, Day: d} }

var dateTests = []struct {
	name string
	cell activity.Cell
	want activity.Date
}{
	{"Empty", activity.Cell{}, activity.Date{}},
	{"Blank", activity.TextCell(" 　"), activity.Date{}},
	{"Serial", activity.NumberCell(44514), ymd(2021, 11, 14)},
	{"SerialWithTime", activity.NumberCell(44514.75), ymd(2021, 11, 14)},
	{"SerialFirstOfFiscalYear", activity.NumberCell(44287), ymd(2021, 4, 1)},
	{"SerialLeapDay", activity.NumberCell(43890), ymd(2020, 2, 29)},
	{"YYYYMMDDNumber", activity.NumberCell(20211114), ymd(2021, 11, 14)},
	{"Slash", activity.TextCell("2021/11/14"), ymd(2021, 11, 14)},
	{"Hyphen", activity.TextCell("2021-11-14"), ymd(2021, 11, 14)},
	{"Dot", activity.TextCell("2021.11.14"), ymd(2021, 11, 14)},
	{"NoLeadingZeros", activity.TextCell("2021/4/1"), ymd(2021, 4, 1)},
	{"Kanji", activity.TextCell("2021年11月14日"), ymd(2021, 11, 14)},
	{"KanjiNoDayMark", activity.TextCell("2021年11月14"), ymd(2021, 11, 14)},
	{"YYYYMMDDText", activity.TextCell("20211114"), ymd(2021, 11, 14)},
	{"Weekday", activity.TextCell("2021年11月14日(日)"), ymd(2021, 11, 14)},
	{"FullWidthWeekday", activity.TextCell("2021/11/14（日）"), ymd(2021, 11, 14)},
	{"WeekdayWord", activity.TextCell("2021/11/14 日曜日"), ymd(2021, 11, 14)},
	{"WeekdayRightAfter", activity.TextCell("2021年11月14日日曜日"), ymd(2021, 11, 14)},
	{"WeekdayEnglish", activity.TextCell("2021/11/14 (Sun)"), ymd(2021, 11, 14)},
	{"WeekdayHoliday", activity.TextCell("2021/11/3(水・祝)"), ymd(2021, 11, 3)},
	{"Time", activity.TextCell("2021/11/14 10:00"), ymd(2021, 11, 14)},
	{"WeekdayAndTimeRange", activity.TextCell("2021/11/14（日）10:00〜12:00"), ymd(2021, 11, 14)},
	{"KanjiTime", activity.TextCell("令和3年11月14日(日) 午後2時半"), ymd(2021, 11, 14)},
	{"ISO", activity.TextCell("2021-11-14T10:00:00Z"), ymd(2021, 11, 14)},
	{"FullWidth", activity.TextCell("２０２１／１１／１４"), ymd(2021, 11, 14)},
	{"FullWidthKanji", activity.TextCell("２０２１年１１月１４日"), ymd(2021, 11, 14)},
	{"Spaces", activity.TextCell("2021 年 4 月 1 日"), ymd(2021, 4, 1)},
	{"SpacesAround", activity.TextCell(" 2021/11/14 \n"), ymd(2021, 11, 14)},
	{"IMEDash", activity.TextCell("2021ー11ー14"), ymd(2021, 11, 14)},
	{"Reiwa", activity.TextCell("令和3年11月14日"), ymd(2021, 11, 14)},
	{"ReiwaLetterDot", activity.TextCell("R3.11.14"), ymd(2021, 11, 14)},
	{"ReiwaLetterSlash", activity.TextCell("R3/11/14"), ymd(2021, 11, 14)},
	{"ReiwaLowerCase", activity.TextCell("r3.11.14"), ymd(2021, 11, 14)},
	{"ReiwaFullWidthLetter", activity.TextCell("Ｒ３．１１．１４"), ymd(2021, 11, 14)},
	{"ReiwaSymbol", activity.TextCell("㋿3.11.14"), ymd(2021, 11, 14)},
	{"ReiwaSpaced", activity.TextCell("令和 3 年 11 月 14 日"), ymd(2021, 11, 14)},
	{"ReiwaGannen", activity.TextCell("令和元年5月1日"), ymd(2019, 5, 1)},
	{"HeiseiLastDay", activity.TextCell("平成31年4月30日"), ymd(2019, 4, 30)},
	{"HeiseiLetter", activity.TextCell("H31.4.30"), ymd(2019, 4, 30)},
	{"HeiseiFirstDay", activity.TextCell("平成元年1月8日"), ymd(1989, 1, 8)},
	{"ShowaLastDay", activity.TextCell("昭和64年1月7日"), ymd(1989, 1, 7)},
	{"ShowaLetter", activity.TextCell("S64.1.7"), ymd(1989, 1, 7)},
	{"BothCalendarsAgree", activity.TextCell("令和3年(2021年)11月14日"), ymd(2021, 11, 14)},
	{"BothCalendarsWesternFirst", activity.TextCell("2021年（令和3年）11月14日"), ymd(2021, 11, 14)},
	{"BothCalendarsAfterDate", activity.TextCell("2021年11月14日(令和3年)"), ymd(2021, 11, 14)},
	{"Month", activity.TextCell("2021年11月"), ymd(2021, 11, 0)},
	{"MonthSlash", activity.TextCell("2021/11"), ymd(2021, 11, 0)},
	{"MonthHyphen", activity.TextCell("2021-11"), ymd(2021, 11, 0)},
	{"MonthReiwa", activity.TextCell("令和3年11月"), ymd(2021, 11, 0)},
	{"MonthReiwaLetter", activity.TextCell("R3.11"), ymd(2021, 11, 0)},
	{"MonthHeiseiLast", activity.TextCell("平成31年4月"), ymd(2019, 4, 0)},
	{"MonthReiwaFirst", activity.TextCell("令和元年5月"), ymd(2019, 5, 0)},
	{"FirstYear", activity.TextCell("1900/1/1"), ymd(1900, 1, 1)},
	{"LastYear", activity.TextCell("2199/12/31"), ymd(2199, 12, 31)},
	{"LeapDay", activity.TextCell("2024/2/29"), ymd(2024, 2, 29)},
}

func TestParseDate(t *testing.T) {
	for _, tt := range dateTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := activity.ParseDate(tt.cell)
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.cell.String(), err)
			}
			if got != tt.want {
				t.Errorf("ParseDate(%q) = %+v, want %+v", tt.cell.String(), got, tt.want)
			}
		})
	}
}

var dateErrorTests = []struct {
	name string
	cell activity.Cell
	code activity.Code
	// mention is a fact the reason must state in Japanese (the era's
	// range, the expected form).
	mention string
}{
	{"NoYear", activity.TextCell("11月14日"), activity.CodeUnparsable, "2021/11/14 のように年から"},
	{"NoYearSlash", activity.TextCell("11/14"), activity.CodeUnparsable, "年がありません"},
	{"TwoDigitYear", activity.TextCell("21/11/14"), activity.CodeUnparsable, "2桁"},
	{"YearOnly", activity.TextCell("2021年"), activity.CodeUnparsable, "月がありません"},
	{"EraYearOnly", activity.TextCell("令和3年"), activity.CodeUnparsable, "月がありません"},
	{"InvalidDay", activity.TextCell("2021/2/30"), activity.CodeUnparsable, "2021年2月は28日まで"},
	{"NotLeapYear", activity.TextCell("2100/2/29"), activity.CodeUnparsable, "28日まで"},
	{"DayZero", activity.TextCell("2021/11/0"), activity.CodeUnparsable, "30日まで"},
	{"InvalidMonth", activity.TextCell("2021/13/1"), activity.CodeUnparsable, "1から12"},
	{"MonthZero", activity.TextCell("2021年0月"), activity.CodeUnparsable, "1から12"},
	{"YearTooLate", activity.TextCell("2300/1/1"), activity.CodeUnparsable, "1900年から2199年"},
	{"YearTooEarly", activity.TextCell("1899/12/31"), activity.CodeUnparsable, "1900年から2199年"},
	{"ThreeDigitYear", activity.TextCell("202/11/14"), activity.CodeUnparsable, "1900年から2199年"},
	{"WrongWeekday", activity.TextCell("2021/11/14(月)"), activity.CodeUnparsable, "日曜日"},
	{"TwoDates", activity.TextCell("2021/11/14〜15"), activity.CodeUnparsable, "2つ以上"},
	{"TwoDatesListed", activity.TextCell("2021年11月14日、11月28日"), activity.CodeUnparsable, "2つ以上"},
	{"FreeText", activity.TextCell("先週の日曜"), activity.CodeUnparsable, "2021/11/14"},
	{"Word", activity.TextCell("通年"), activity.CodeUnparsable, "2021/11"},
	{"Planned", activity.TextCell("2021/11/14予定"), activity.CodeUnparsable, "R3.11.14"},
	{"HeiseiPastEnd", activity.TextCell("平成32年"), activity.CodeEraMismatch, "2019年4月30日（平成31年4月30日）まで"},
	{"HeiseiPastEndDate", activity.TextCell("平成32年4月1日"), activity.CodeEraMismatch, "令和2年"},
	{"HeiseiAfterLastDay", activity.TextCell("平成31年5月1日"), activity.CodeEraMismatch, "令和元年5月1日"},
	{"HeiseiAfterLastMonth", activity.TextCell("H31.5"), activity.CodeEraMismatch, "平成は1989年1月8日から"},
	{"HeiseiBeforeFirstDay", activity.TextCell("平成元年1月7日"), activity.CodeEraMismatch, "昭和64年1月7日"},
	{"ShowaAfterLastDay", activity.TextCell("昭和64年1月8日"), activity.CodeEraMismatch, "1989年1月7日（昭和64年1月7日）まで"},
	{"ShowaPastEnd", activity.TextCell("S65.1.1"), activity.CodeEraMismatch, "昭和65年はありません"},
	{"ReiwaBeforeFirstDay", activity.TextCell("令和元年4月1日"), activity.CodeEraMismatch, "令和は2019年5月1日（令和元年5月1日）から"},
	{"ReiwaYearZero", activity.TextCell("令和0年"), activity.CodeEraMismatch, "元年（1年）から"},
	{"ReiwaYearZeroDate", activity.TextCell("R0.5.1"), activity.CodeEraMismatch, "令和0年はありません"},
	{"EraWithWesternYear", activity.TextCell("平成2022年3月31日"), activity.CodeEraMismatch, "西暦の年（2022）"},
	{"EraWithWesternYearSeed", activity.TextCell("平成 2022 年 3 月 31 日"), activity.CodeEraMismatch, "令和4年"},
	{"EraDisagreesWithWestern", activity.TextCell("令和3年(2022年)11月14日"), activity.CodeEraMismatch, "令和3年は2021年"},
	{"WesternDisagreesWithEra", activity.TextCell("2021年(令和4年)11月14日"), activity.CodeEraMismatch, "令和4年は2022年"},
	{"SerialTooLarge", activity.NumberCell(1e7), activity.CodeUnparsable, "1900年〜2199年"},
	{"SerialNegative", activity.NumberCell(-3), activity.CodeUnparsable, "範囲外"},
	{"NumberLooksLikeYear", activity.NumberCell(2021), activity.CodeUnparsable, "年（または年.月）"},
	{"NumberLooksLikeYearMonth", activity.NumberCell(2021.11), activity.CodeUnparsable, "2021/11"},
	{"NumberLooksLikeDay", activity.NumberCell(14), activity.CodeUnparsable, "年月日"},
	{"YYYYMMDDInvalid", activity.NumberCell(20210230), activity.CodeUnparsable, "28日まで"},
	{"NaN", activity.NumberCell(math.NaN()), activity.CodeUnparsable, "範囲外"},
}

func TestParseDateErrors(t *testing.T) {
	for _, tt := range dateErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := activity.ParseDate(tt.cell)
			if got != (activity.Date{}) {
				t.Errorf("ParseDate(%q) = %+v, want the zero Date with the error", tt.cell.String(), got)
			}
			ce := MustCellError(t, err, tt.code, strings.TrimSpace(tt.cell.String()))
			if !strings.Contains(ce.Reason.Ja, tt.mention) {
				t.Errorf("reason.Ja = %q, want it to say %q", ce.Reason.Ja, tt.mention)
			}
		})
	}
}

// TestParseDateEraBoundaries walks every day around each change of era,
// written in both eras, against the calendar.
func TestParseDateEraBoundaries(t *testing.T) {
	for _, tt := range []struct {
		era  string
		base int
		from time.Time // first day of the era
		to   time.Time // day after its last
	}{
		{"昭和", 1926, time.Date(1926, 12, 25, 0, 0, 0, 0, time.UTC), time.Date(1989, 1, 8, 0, 0, 0, 0, time.UTC)},
		{"平成", 1989, time.Date(1989, 1, 8, 0, 0, 0, 0, time.UTC), time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC)},
		{"令和", 2019, time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC), time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)},
	} {
		for _, edge := range []time.Time{tt.from, tt.to} {
			for d := edge.AddDate(0, 0, -3); d.Before(edge.AddDate(0, 0, 3)); d = d.AddDate(0, 0, 1) {
				in := tt.era + eraYearText(d.Year()-tt.base+1) + "年" + strconv.Itoa(int(d.Month())) + "月" + strconv.Itoa(d.Day()) + "日"
				got, err := activity.ParseDate(activity.TextCell(in))
				inEra := !d.Before(tt.from) && d.Before(tt.to)
				switch {
				case d.Year() > 2199:
				case inEra && err != nil:
					t.Errorf("ParseDate(%q): %v", in, err)
				case inEra && got != ymd(d.Year(), d.Month(), d.Day()):
					t.Errorf("ParseDate(%q) = %+v, want %s", in, got, d.Format(time.DateOnly))
				case !inEra && d.Year()-tt.base+1 >= 1:
					MustCellError(t, err, activity.CodeEraMismatch, in)
				}
			}
		}
	}
}

func eraYearText(n int) string {
	if n == 1 {
		return "元"
	}
	return strconv.Itoa(n)
}

// TestParseDateSerialRoundTrip checks every serial date katsudo accepts
// against the calendar, from 1906-01-08 (2200) to 2199-12-31 (109574).
func TestParseDateSerialRoundTrip(t *testing.T) {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	for _, f := range []float64{2199.99, 109575} {
		if _, err := activity.ParseDate(activity.NumberCell(f)); err == nil {
			t.Errorf("ParseDate(%v): no error, want one outside the serial range", f)
		}
	}
	for serial := 2200; serial <= 109574; serial++ {
		d := epoch.AddDate(0, 0, serial)
		got, err := activity.ParseDate(activity.NumberCell(float64(serial) + 0.5))
		if err != nil || got != ymd(d.Year(), d.Month(), d.Day()) {
			t.Fatalf("ParseDate(%d) = %+v, %v; want %s", serial, got, err, d.Format(time.DateOnly))
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, tt := range dateTests {
		f.Add(tt.cell.Text, tt.cell.Num)
	}
	for _, tt := range dateErrorTests {
		f.Add(tt.cell.Text, tt.cell.Num)
	}
	f.Fuzz(func(t *testing.T, s string, num float64) {
		for _, c := range []activity.Cell{activity.TextCell(s), activity.NumberCell(num)} {
			got, err := activity.ParseDate(c)
			if err != nil {
				if got != (activity.Date{}) {
					t.Fatalf("ParseDate(%q) = %+v with error %v, want the zero Date", c.String(), got, err)
				}
				MustCellErrorAnyCode(t, err, activity.CodeUnparsable, activity.CodeEraMismatch)
				continue
			}
			if c.IsBlank() {
				if got != (activity.Date{}) {
					t.Fatalf("ParseDate(blank %q) = %+v", c.String(), got)
				}
				continue
			}
			if got.Year < 1900 || got.Year > 2199 || got.Month < 1 || got.Month > 12 || got.Day < 0 {
				t.Fatalf("ParseDate(%q) = %+v, out of range", c.String(), got)
			}
			if got.Day > 0 {
				tm := got.Time(time.UTC)
				if tm.Year() != got.Year || tm.Month() != got.Month || tm.Day() != got.Day {
					t.Fatalf("ParseDate(%q) = %+v, not a day of the calendar", c.String(), got)
				}
			}
		}
	})
}

// MustCellErrorAnyCode checks that err is a *CellError with one of codes
// and a reason in both languages.
func MustCellErrorAnyCode(tb testing.TB, err error, codes ...activity.Code) {
	tb.Helper()
	ce, ok := err.(*activity.CellError)
	if !ok {
		tb.Fatalf("error = %v (%T), want a *activity.CellError", err, err)
	}
	for _, c := range codes {
		if ce.Code == c {
			if ce.Reason.Ja == "" || ce.Reason.En == "" {
				tb.Fatalf("reason = %+v, want both languages", ce.Reason)
			}
			return
		}
	}
	tb.Fatalf("code = %q, want one of %q", ce.Code, codes)
}

func BenchmarkParseDate(b *testing.B) {
	cells := []activity.Cell{
		activity.NumberCell(44514), activity.TextCell("2021/11/14"), activity.TextCell("令和3年11月14日"),
		activity.TextCell("２０２１年１１月"), activity.TextCell("R3.11.14（日）10:00"),
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := activity.ParseDate(cells[i%len(cells)]); err != nil {
			b.Fatal(err)
		}
	}
}
