package activity_test

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
)

type ben = activity.Beneficiary

var beneficiaryTests = []struct {
	name string
	cell activity.Cell
	want []ben
}{
	{"Empty", activity.Cell{}, nil},
	{"Nothing", activity.TextCell("なし"), nil},
	{"Company", activity.TextCell("中小企業 1社"), []ben{{Label: "中小企業", Unit: "社", Count: 1}}},
	{"About", activity.TextCell("約120名"), []ben{{Unit: "名", Count: 120, Approx: true}}},
	{"AboutSpaced", activity.TextCell("約 120 名"), []ben{{Unit: "名", Count: 120, Approx: true}}},
	{"ThreeGroups", activity.TextCell("1団体、中小企業6社、個人18名"), []ben{{Unit: "団体", Count: 1}, {Label: "中小企業", Unit: "社", Count: 6}, {Label: "個人", Unit: "名", Count: 18}}},
	{"CommaSeparated", activity.TextCell("1団体,中小企業6社，個人18名"), []ben{{Unit: "団体", Count: 1}, {Label: "中小企業", Unit: "社", Count: 6}, {Label: "個人", Unit: "名", Count: 18}}},
	{"LineSeparated", activity.TextCell("１団体\n中小企業６社"), []ben{{Unit: "団体", Count: 1}, {Label: "中小企業", Unit: "社", Count: 6}}},
	{"SemicolonSeparated", activity.TextCell("1団体; 中小企業6社"), []ben{{Unit: "団体", Count: 1}, {Label: "中小企業", Unit: "社", Count: 6}}},
	{"SpaceSeparated", activity.TextCell("中小企業 1社 個人 3名"), []ben{{Label: "中小企業", Unit: "社", Count: 1}, {Label: "個人", Unit: "名", Count: 3}}},
	{"DotSeparated", activity.TextCell("1団体・中小企業1社"), []ben{{Unit: "団体", Count: 1}, {Label: "中小企業", Unit: "社", Count: 1}}},
	{"DotInLabel", activity.TextCell("小・中学生 40名"), []ben{{Label: "小・中学生", Unit: "名", Count: 40}}},
	{"DigitsInLabel", activity.TextCell("小学3年生 20名"), []ben{{Label: "小学3年生", Unit: "名", Count: 20}}},
	{"Facilities", activity.TextCell("横浜市3施設"), []ben{{Label: "横浜市", Unit: "施設", Count: 3}}},
	{"AboutAfterLabel", activity.TextCell("一般市民約 20 名"), []ben{{Label: "一般市民", Unit: "名", Count: 20, Approx: true}}},
	{"SpacesAroundNumber", activity.TextCell("横須賀市内中小企業 3 社"), []ben{{Label: "横須賀市内中小企業", Unit: "社", Count: 3}}},
	{"HitoIsMei", activity.TextCell("小学生 約30人"), []ben{{Label: "小学生", Unit: "名", Count: 30, Approx: true}}},
	{"FullWidth", activity.TextCell("中小企業６社"), []ben{{Label: "中小企業", Unit: "社", Count: 6}}},
	{"Thousands", activity.TextCell("来場者 1,200名"), []ben{{Label: "来場者", Unit: "名", Count: 1200}}},
	{"Number", activity.NumberCell(120), []ben{{Count: 120}}},
	{"BareNumber", activity.TextCell("120"), []ben{{Count: 120}}},
	{"Teido", activity.TextCell("120名程度"), []ben{{Unit: "名", Count: 120, Approx: true}}},
	{"Amari", activity.TextCell("100名余り"), []ben{{Unit: "名", Count: 100, Approx: true}}},
	{"YoMei", activity.TextCell("100余名"), []ben{{Unit: "名", Count: 100, Approx: true}}},
	{"Ijou", activity.TextCell("50名以上"), []ben{{Unit: "名", Count: 50, Approx: true}}},
	{"Tilde", activity.TextCell("〜120名"), []ben{{Unit: "名", Count: 120, Approx: true}}},
	{"RangeTakesLarger", activity.TextCell("20〜30名"), []ben{{Unit: "名", Count: 30, Approx: true}}},
	{"RangeWithDash", activity.TextCell("保護者 20-30人"), []ben{{Label: "保護者", Unit: "名", Count: 30, Approx: true}}},
	{"Counters", activity.TextCell("2校、3件、4組、5世帯"), []ben{{Unit: "校", Count: 2}, {Unit: "件", Count: 3}, {Unit: "組", Count: 4}, {Unit: "世帯", Count: 5}}},
	{"NoteIgnored", activity.TextCell("約120名（親子）"), []ben{{Unit: "名", Count: 120, Approx: true}}},
	{"OfWhomDropped", activity.TextCell("個人18名、うち子供10名"), []ben{{Label: "個人", Unit: "名", Count: 18}}},
	{"TotalDropped", activity.TextCell("中小企業6社、個人18名、計24"), []ben{{Label: "中小企業", Unit: "社", Count: 6}, {Label: "個人", Unit: "名", Count: 18}}},
	{"TotalAlone", activity.TextCell("合計 30名"), []ben{{Label: "合計", Unit: "名", Count: 30}}},
	{"LabelColon", activity.TextCell("個人：18名"), []ben{{Label: "個人", Unit: "名", Count: 18}}},
}

func TestParseBeneficiaries(t *testing.T) {
	for _, tt := range beneficiaryTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := activity.ParseBeneficiaries(tt.cell)
			if err != nil {
				t.Fatalf("ParseBeneficiaries(%q): %v", tt.cell.String(), err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseBeneficiaries(%q) mismatch (-want +got):\n%s", tt.cell.String(), diff)
			}
		})
	}
}

var beneficiaryErrorTests = []struct {
	name   string
	cell   activity.Cell
	quoted string // the part the reason quotes
}{
	{"NoNumber", activity.TextCell("中小企業"), "中小企業"},
	{"OnePartWithoutNumber", activity.TextCell("中小企業6社、個人"), "個人"},
	{"UnknownCounter", activity.TextCell("5台"), "5台"},
	{"FreeText", activity.TextCell("たくさん"), "たくさん"},
	{"TooMany", activity.TextCell("999999999999名"), "999999999999名"},
	{"NegativeNumber", activity.NumberCell(-3), "-3"},
	{"FractionalNumber", activity.NumberCell(2.5), "2.5"},
	{"NaN", activity.NumberCell(math.NaN()), "NaN"},
}

func TestParseBeneficiariesErrors(t *testing.T) {
	for _, tt := range beneficiaryErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := activity.ParseBeneficiaries(tt.cell)
			if got != nil {
				t.Errorf("ParseBeneficiaries(%q) = %+v, want nil with the error", tt.cell.String(), got)
			}
			MustCellError(t, err, activity.CodeUnparsable, tt.quoted)
		})
	}
}

func FuzzParseBeneficiaries(f *testing.F) {
	for _, tt := range beneficiaryTests {
		f.Add(tt.cell.Text, tt.cell.Num)
	}
	for _, tt := range beneficiaryErrorTests {
		f.Add(tt.cell.Text, tt.cell.Num)
	}
	f.Fuzz(func(t *testing.T, s string, num float64) {
		for _, c := range []activity.Cell{activity.TextCell(s), activity.NumberCell(num)} {
			got, err := activity.ParseBeneficiaries(c)
			if err != nil {
				if got != nil {
					t.Fatalf("ParseBeneficiaries(%q) = %+v with error %v, want nil", c.String(), got, err)
				}
				MustCellErrorAnyCode(t, err, activity.CodeUnparsable)
				continue
			}
			for _, b := range got {
				if b.Count < 0 || b.Count > 1e8 {
					t.Fatalf("ParseBeneficiaries(%q) = %+v, count out of range", c.String(), got)
				}
				switch b.Unit {
				case "", "名", "社", "団体", "施設", "校", "件", "組", "世帯":
				default:
					t.Fatalf("ParseBeneficiaries(%q) = %+v, unknown unit", c.String(), got)
				}
				if activity.Fold(b.Label) != b.Label {
					t.Fatalf("ParseBeneficiaries(%q): label %q is not folded", c.String(), b.Label)
				}
			}
		}
	})
}

func BenchmarkParseBeneficiaries(b *testing.B) {
	cells := []activity.Cell{
		activity.TextCell("中小企業 1社"), activity.TextCell("約120名"), activity.TextCell("1団体、中小企業6社、個人18名"),
		activity.TextCell("横浜市3施設"), activity.TextCell("一般市民約 20 名"),
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := activity.ParseBeneficiaries(cells[i%len(cells)]); err != nil {
			b.Fatal(err)
		}
	}
}

var staffTests = []struct {
	name string
	cell activity.Cell
	want activity.Staff
}{
	{"Empty", activity.Cell{}, activity.Staff{}},
	{"Nothing", activity.TextCell("なし"), activity.Staff{}},
	{"Names", activity.TextCell("山田、鈴木"), activity.Staff{Names: []string{"山田", "鈴木"}}},
	{"EverySeparator", activity.TextCell("山田,鈴木，佐藤・田中/伊藤／渡辺;中村\n小林"), activity.Staff{Names: []string{"山田", "鈴木", "佐藤", "田中", "伊藤", "渡辺", "中村", "小林"}}},
	{"NameWithSpace", activity.TextCell("山田　太郎、 鈴木 一郎 "), activity.Staff{Names: []string{"山田 太郎", "鈴木 一郎"}}},
	{"RepeatsDropped", activity.TextCell("山田、鈴木、山田"), activity.Staff{Names: []string{"山田", "鈴木"}}},
	{"HonorificsDropped", activity.TextCell("山田さん、鈴木氏、山田"), activity.Staff{Names: []string{"山田", "鈴木"}}},
	{"HalfWidthKana", activity.TextCell("ﾔﾏﾀﾞ・ｽｽﾞｷ"), activity.Staff{Names: []string{"ヤマダ", "スズキ"}}},
	{"Number", activity.NumberCell(4), activity.Staff{Extra: 4}},
	{"BareNumber", activity.TextCell("4"), activity.Staff{Extra: 4}},
	{"FullWidthNin", activity.TextCell("４人"), activity.Staff{Extra: 4}},
	{"Mei", activity.TextCell("4名"), activity.Staff{Extra: 4}},
	{"Seed", activity.TextCell("13 人"), activity.Staff{Extra: 13}},
	{"NamesAndOthers", activity.TextCell("山田、鈴木 他2名"), activity.Staff{Names: []string{"山田", "鈴木"}, Extra: 2}},
	{"NamesAndHoka", activity.TextCell("山田、鈴木、ほか2名"), activity.Staff{Names: []string{"山田", "鈴木"}, Extra: 2}},
	{"NamesAndPlus", activity.TextCell("山田+2名"), activity.Staff{Names: []string{"山田"}, Extra: 2}},
	{"NamesAndLabelledCount", activity.TextCell("山田、協力会員2名"), activity.Staff{Names: []string{"山田"}, Extra: 2}},
	{"DigitsInName", activity.TextCell("会員12、会員19"), activity.Staff{Names: []string{"会員12", "会員19"}}},
	{"CountAndOthersInBrackets", activity.TextCell("2人(その他協力会員 1名)"), activity.Staff{Extra: 3}},
	{"CountAndOthersFullWidth", activity.TextCell("２人（その他協力会員　１名）"), activity.Staff{Extra: 3}},
	{"CountDescribedInBrackets", activity.TextCell("3人（うち協力会員1名）"), activity.Staff{Extra: 3}},
	{"CountNamedInBrackets", activity.TextCell("3人（山田、鈴木）"), activity.Staff{Names: []string{"山田", "鈴木"}, Extra: 1}},
	{"RoleInBrackets", activity.TextCell("山田（講師）、鈴木"), activity.Staff{Names: []string{"山田", "鈴木"}}},
	{"RoleInsideName", activity.TextCell("山田 （講師） 太郎"), activity.Staff{Names: []string{"山田 太郎"}}},
	{"RoleInNestedBrackets", activity.TextCell("3人（山田（講師、会計）、鈴木）"), activity.Staff{Names: []string{"山田", "鈴木"}, Extra: 1}},
	{"Total", activity.TextCell("山田、鈴木（計3名）"), activity.Staff{Names: []string{"山田", "鈴木"}, Extra: 1}},
	{"TotalNotBelowNames", activity.TextCell("山田、鈴木、佐藤 計2名"), activity.Staff{Names: []string{"山田", "鈴木", "佐藤"}}},
	// Unnamed helpers after a name are that many more people, whatever
	// the marker and whatever noun names them.
	{"HokaVolunteers", activity.TextCell("伊藤ほかボランティア3名"), activity.Staff{Names: []string{"伊藤"}, Extra: 3}},
	{"CommaVolunteers", activity.TextCell("伊藤、ボランティア3名"), activity.Staff{Names: []string{"伊藤"}, Extra: 3}},
	{"SpaceTa", activity.TextCell("伊藤 他3名"), activity.Staff{Names: []string{"伊藤"}, Extra: 3}},
	{"TaAttached", activity.TextCell("伊藤他3名"), activity.Staff{Names: []string{"伊藤"}, Extra: 3}},
	{"Soto", activity.TextCell("伊藤外3名"), activity.Staff{Names: []string{"伊藤"}, Extra: 3}},
	{"SotoVolunteers", activity.TextCell("伊藤 外ボランティア3名"), activity.Staff{Names: []string{"伊藤"}, Extra: 3}},
	{"Sonota", activity.TextCell("伊藤その他3名"), activity.Staff{Names: []string{"伊藤"}, Extra: 3}},
	{"HokaStudentsFullWidth", activity.TextCell("伊藤ほか学生３人"), activity.Staff{Names: []string{"伊藤"}, Extra: 3}},
	{"HokaAbout", activity.TextCell("伊藤ほかボランティア約3名"), activity.Staff{Names: []string{"伊藤"}, Extra: 3}},
	{"HokaMembersAfterComma", activity.TextCell("伊藤、佐藤、他協力会員３名"), activity.Staff{Names: []string{"伊藤", "佐藤"}, Extra: 3}},
	{"HokaNi", activity.TextCell("伊藤、他にボランティア3名"), activity.Staff{Names: []string{"伊藤"}, Extra: 3}},
	{"PlusVolunteers", activity.TextCell("伊藤＋学生3人"), activity.Staff{Names: []string{"伊藤"}, Extra: 3}},
	{"ToStudents", activity.TextCell("伊藤と学生3名"), activity.Staff{Names: []string{"伊藤"}, Extra: 3}},
	{"SpacedOut", activity.TextCell("伊藤 他 ボランティア 3 名"), activity.Staff{Names: []string{"伊藤"}, Extra: 3}},
	{"HonorificBeforeHoka", activity.TextCell("伊藤さんほか3名"), activity.Staff{Names: []string{"伊藤"}, Extra: 3}},
	{"KanjiNumeral", activity.TextCell("伊藤ほかボランティア三名"), activity.Staff{Names: []string{"伊藤"}, Extra: 3}},
	{"KanjiTwelve", activity.TextCell("伊藤ほか十二名"), activity.Staff{Names: []string{"伊藤"}, Extra: 12}},
	{"RoleInBracketsAfterMore", activity.TextCell("伊藤ほか3名（ボランティア）"), activity.Staff{Names: []string{"伊藤"}, Extra: 3}},
	{"NamesInBracketsAfterMore", activity.TextCell("伊藤ほか2名（佐藤、鈴木）"), activity.Staff{Names: []string{"伊藤", "佐藤", "鈴木"}}},
	{"SurnameStartingWithSoto", activity.TextCell("外山ほか2名"), activity.Staff{Names: []string{"外山"}, Extra: 2}},
	{"SotoInName", activity.TextCell("外山、伊藤"), activity.Staff{Names: []string{"外山", "伊藤"}}},
	// ら, 以下, など: the count includes the named.
	{"RaIsTotal", activity.TextCell("伊藤ら3名"), activity.Staff{Names: []string{"伊藤"}, Extra: 2}},
	{"IkaIsTotal", activity.TextCell("伊藤以下3名"), activity.Staff{Names: []string{"伊藤"}, Extra: 2}},
	{"HokaTotal", activity.TextCell("伊藤ほか計4名"), activity.Staff{Names: []string{"伊藤"}, Extra: 3}},
	{"HiraganaNameWithRa", activity.TextCell("山田 さくら、鈴木"), activity.Staff{Names: []string{"山田 さくら", "鈴木"}}},
	{"KanjiOneInGivenName", activity.TextCell("山田一人、鈴木"), activity.Staff{Names: []string{"山田一人", "鈴木"}}},
}

func TestParseStaff(t *testing.T) {
	for _, tt := range staffTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := activity.ParseStaff(tt.cell)
			if err != nil {
				t.Fatalf("ParseStaff(%q): %v", tt.cell.String(), err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseStaff(%q) mismatch (-want +got):\n%s", tt.cell.String(), diff)
			}
		})
	}
}

var staffErrorTests = []struct {
	name   string
	cell   activity.Cell
	quoted string
}{
	{"OthersWithoutCount", activity.TextCell("山田、鈴木、他"), "山田、鈴木、他"},
	{"EtcWithoutCount", activity.TextCell("山田、鈴木など"), "山田、鈴木など"},
	{"HokaVolunteersWithoutCount", activity.TextCell("伊藤他ボランティア"), "伊藤他ボランティア"},
	{"RaWithoutCount", activity.TextCell("伊藤ら"), "伊藤ら"},
	{"OthersPartWithoutCount", activity.TextCell("伊藤、他ボランティア"), "伊藤、他ボランティア"},
	{"HokaPartWithoutCount", activity.TextCell("伊藤、ほか学生"), "伊藤、ほか学生"},
	{"SeveralVolunteers", activity.TextCell("伊藤・佐藤ほかボランティア数名"), "佐藤ほかボランティア数名"},
	{"Crowd", activity.TextCell("伊藤ほか大勢"), "伊藤ほか大勢"},
	{"AFew", activity.TextCell("伊藤、学生若干名"), "学生若干名"},
	{"NoLetters", activity.TextCell("山田、???"), "???"},
	{"DigitsNotACount", activity.TextCell("3人2"), "3人2"},
	{"WrongCounter", activity.TextCell("3社"), "3社"},
	{"UnclosedBracket", activity.TextCell("山田（講師、鈴木"), "山田（講師、鈴木"},
	{"UnopenedBracket", activity.TextCell("山田)、鈴木"), "山田)、鈴木"},
	{"DeepBrackets", activity.TextCell("((((山田))))"), "((((山田))))"},
	{"NegativeNumber", activity.NumberCell(-1), "-1"},
	{"FractionalNumber", activity.NumberCell(2.5), "2.5"},
}

func TestParseStaffErrors(t *testing.T) {
	for _, tt := range staffErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := activity.ParseStaff(tt.cell)
			if got.Names != nil || got.Extra != 0 {
				t.Errorf("ParseStaff(%q) = %+v, want Staff{} with the error", tt.cell.String(), got)
			}
			MustCellError(t, err, activity.CodeUnparsable, tt.quoted)
		})
	}
}

func FuzzParseStaff(f *testing.F) {
	for _, tt := range staffTests {
		f.Add(tt.cell.Text, tt.cell.Num)
	}
	for _, tt := range staffErrorTests {
		f.Add(tt.cell.Text, tt.cell.Num)
	}
	f.Fuzz(func(t *testing.T, s string, num float64) {
		for _, c := range []activity.Cell{activity.TextCell(s), activity.NumberCell(num)} {
			got, err := activity.ParseStaff(c)
			if err != nil {
				if got.Names != nil || got.Extra != 0 {
					t.Fatalf("ParseStaff(%q) = %+v with error %v, want Staff{}", c.String(), got, err)
				}
				MustCellErrorAnyCode(t, err, activity.CodeUnparsable)
				continue
			}
			if got.Extra < 0 || got.Extra > 1e8 {
				t.Fatalf("ParseStaff(%q) = %+v, extra out of range", c.String(), got)
			}
			seen := map[string]bool{}
			for _, n := range got.Names {
				if n == "" || activity.Fold(n) != n || strings.ContainsAny(n, "、,・/;()[]【】") || seen[n] {
					t.Fatalf("ParseStaff(%q) = %q, want distinct folded names", c.String(), got.Names)
				}
				seen[n] = true
			}
		}
	})
}

func BenchmarkParseStaff(b *testing.B) {
	cells := []activity.Cell{
		activity.TextCell("山田、鈴木"), activity.TextCell("4人"), activity.TextCell("山田、鈴木 他2名"),
		activity.TextCell("2人(その他協力会員 1名)"), activity.NumberCell(3),
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := activity.ParseStaff(cells[i%len(cells)]); err != nil {
			b.Fatal(err)
		}
	}
}
