package activity_test

import (
	"math"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
)

var amountTests = []struct {
	name string
	cell activity.Cell
	want activity.Amount
}{
	{"Empty", activity.Cell{}, activity.Amount{}},
	{"Number", activity.NumberCell(628644), activity.Amount{Yen: 628644}},
	{"NumberFloatNoise", activity.NumberCell(0.1 + 0.2 + 999.7), activity.Amount{Yen: 1000}},
	{"NumberNegative", activity.NumberCell(-1000), activity.Amount{Yen: -1000}},
	{"NumberZero", activity.NumberCell(0), activity.Amount{}},
	{"Commas", activity.TextCell("628,644"), activity.Amount{Yen: 628644}},
	{"FullWidthYen", activity.TextCell("６２８，６４４円"), activity.Amount{Yen: 628644, Unit: "円"}},
	{"YenSign", activity.TextCell("¥1,000"), activity.Amount{Yen: 1000, Unit: "円"}},
	{"FullWidthYenSign", activity.TextCell("￥1,000"), activity.Amount{Yen: 1000, Unit: "円"}},
	{"BackslashYenSign", activity.TextCell(`\1,000`), activity.Amount{Yen: 1000, Unit: "円"}},
	{"ReceiptStyle", activity.TextCell("¥1,000-"), activity.Amount{Yen: 1000, Unit: "円"}},
	{"Yen", activity.TextCell("1,000円"), activity.Amount{Yen: 1000, Unit: "円"}},
	{"YenFormal", activity.TextCell("1,000円也"), activity.Amount{Yen: 1000, Unit: "円"}},
	{"Sen", activity.TextCell("69,963千円"), activity.Amount{Yen: 69963000, Unit: "千円"}},
	{"SenSeed", activity.TextCell("69,963 千円"), activity.Amount{Yen: 69963000, Unit: "千円"}},
	{"SenWithoutYen", activity.TextCell("5千"), activity.Amount{Yen: 5000, Unit: "千円"}},
	{"Man", activity.TextCell("3.5万円"), activity.Amount{Yen: 35000, Unit: "万円"}},
	{"ManWithoutYen", activity.TextCell("2万"), activity.Amount{Yen: 20000, Unit: "万円"}},
	{"ManAndSen", activity.TextCell("1万2千円"), activity.Amount{Yen: 12000, Unit: "円"}},
	{"ManAndYen", activity.TextCell("1万2,000円"), activity.Amount{Yen: 12000, Unit: "円"}},
	{"Triangle", activity.TextCell("△1,000"), activity.Amount{Yen: -1000}},
	{"BlackTriangle", activity.TextCell("▲1,000円"), activity.Amount{Yen: -1000, Unit: "円"}},
	{"Minus", activity.TextCell("-1,000"), activity.Amount{Yen: -1000}},
	{"FullWidthMinus", activity.TextCell("－１，０００"), activity.Amount{Yen: -1000}},
	{"MinusBeforeYenSign", activity.TextCell("-¥1,000"), activity.Amount{Yen: -1000, Unit: "円"}},
	{"About", activity.TextCell("約5,000円"), activity.Amount{Yen: 5000, Approx: true, Unit: "円"}},
	{"AboutAfter", activity.TextCell("5,000円程度"), activity.Amount{Yen: 5000, Approx: true, Unit: "円"}},
	{"Estimate", activity.TextCell("概算 3万円"), activity.Amount{Yen: 30000, Approx: true, Unit: "万円"}},
	{"TaxIncluded", activity.TextCell("1,100円(税込)"), activity.Amount{Yen: 1100, Unit: "円"}},
	{"Zero", activity.TextCell("0"), activity.Amount{}},
	{"ZeroYen", activity.TextCell("0円"), activity.Amount{Unit: "円"}},
	{"Nothing", activity.TextCell("なし"), activity.Amount{}},
	{"Dash", activity.TextCell("-"), activity.Amount{}},
	{"EmDash", activity.TextCell("—"), activity.Amount{}},
	{"LongVowelMark", activity.TextCell("ー"), activity.Amount{}},
	{"MisplacedCommas", activity.TextCell("1,00,0"), activity.Amount{Yen: 1000}},
	{"Spaces", activity.TextCell(" 1, 000 円 "), activity.Amount{Yen: 1000, Unit: "円"}},
	{"SpaceAfterYenSign", activity.TextCell("¥ 1,000"), activity.Amount{Yen: 1000, Unit: "円"}},
	{"ZeroDecimals", activity.TextCell("1000.00"), activity.Amount{Yen: 1000}},
	{"Largest", activity.TextCell("10,000,000,000,000"), activity.Amount{Yen: 1e13}},
}

func TestParseAmount(t *testing.T) {
	for _, tt := range amountTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := activity.ParseAmount(tt.cell)
			if err != nil {
				t.Fatalf("ParseAmount(%q): %v", tt.cell.String(), err)
			}
			if got != tt.want {
				t.Errorf("ParseAmount(%q) = %+v, want %+v", tt.cell.String(), got, tt.want)
			}
		})
	}
}

var amountErrorTests = []struct {
	name    string
	cell    activity.Cell
	mention string
}{
	{"FreeText", activity.TextCell("交通費"), "628,644円"},
	{"Unknown", activity.TextCell("不明"), "支出がなければ 0"},
	{"OnlyYen", activity.TextCell("円"), "69,963千円"},
	{"OnlyAbout", activity.TextCell("約"), "3.5万円"},
	{"FractionalYen", activity.TextCell("3.5円"), "1円未満"},
	{"FractionalMan", activity.TextCell("1.23456万円"), "1円未満"},
	{"FractionalNumber", activity.NumberCell(1000.5), "1円未満"},
	{"DotAsThousands", activity.TextCell("1.000円"), "カンマ"},
	{"TwoAmounts", activity.TextCell("1,000円+500円"), "合計を1つ"},
	{"TwoNumbers", activity.TextCell("1,000 2,000"), "合計を1つ"},
	{"BreakdownInCell", activity.TextCell("1,000円（交通費500円）"), "内訳は備考"},
	{"UnitsOutOfOrder", activity.TextCell("1千2万円"), "合計を1つ"},
	{"TooLarge", activity.TextCell("99,999,999,999,999"), "大きすぎ"},
	{"TooLargeMan", activity.TextCell("20億万円"), "628,644"},
	{"TooManyDigits", activity.TextCell(strings.Repeat("9", 400)), "大きすぎ"},
	{"TooLargeNumber", activity.NumberCell(2e13), "大きすぎ"},
	{"NaN", activity.NumberCell(math.NaN()), "628,644"},
}

func TestParseAmountErrors(t *testing.T) {
	for _, tt := range amountErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := activity.ParseAmount(tt.cell)
			if got != (activity.Amount{}) {
				t.Errorf("ParseAmount(%q) = %+v, want the zero Amount with the error", tt.cell.String(), got)
			}
			want := strings.TrimSpace(tt.cell.String())
			if r := []rune(want); len(r) > 40 {
				want = string(r[:40]) + "…"
			}
			ce := MustCellError(t, err, activity.CodeUnparsable, want)
			if !strings.Contains(ce.Reason.Ja, tt.mention) {
				t.Errorf("reason.Ja = %q, want it to say %q", ce.Reason.Ja, tt.mention)
			}
		})
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, tt := range amountTests {
		f.Add(tt.cell.Text, tt.cell.Num)
	}
	for _, tt := range amountErrorTests {
		f.Add(tt.cell.Text, tt.cell.Num)
	}
	f.Fuzz(func(t *testing.T, s string, num float64) {
		for _, c := range []activity.Cell{activity.TextCell(s), activity.NumberCell(num)} {
			got, err := activity.ParseAmount(c)
			if err != nil {
				if got != (activity.Amount{}) {
					t.Fatalf("ParseAmount(%q) = %+v with error %v, want the zero Amount", c.String(), got, err)
				}
				MustCellErrorAnyCode(t, err, activity.CodeUnparsable)
				continue
			}
			if got.Yen > 1e13 || got.Yen < -1e13 {
				t.Fatalf("ParseAmount(%q) = %+v, beyond 10 trillion yen", c.String(), got)
			}
			switch got.Unit {
			case "", "円", "千円", "万円":
			default:
				t.Fatalf("ParseAmount(%q) = %+v, unknown unit", c.String(), got)
			}
		}
	})
}

func BenchmarkParseAmount(b *testing.B) {
	cells := []activity.Cell{
		activity.NumberCell(12345), activity.TextCell("628,644"), activity.TextCell("６２８，６４４円"),
		activity.TextCell("¥1,000"), activity.TextCell("3.5万円"), activity.TextCell("69,963千円"),
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := activity.ParseAmount(cells[i%len(cells)]); err != nil {
			b.Fatal(err)
		}
	}
}
