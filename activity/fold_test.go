package activity_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/katsudo-npo/katsudo/activity"
)

var foldTests = []struct {
	name, in, want string
}{
	{"Empty", "", ""},
	{"Unchanged", "経営管理支援", "経営管理支援"},
	{"FullWidthDigits", "２０２１", "2021"},
	{"FullWidthLetters", "ＡＢＣａｂｃ", "ABCabc"},
	{"FullWidthPunctuation", "（１－１）／，．：", "(1-1)/,.:"},
	{"FullWidthYen", "￥１，０００", "¥1,000"},
	{"IdeographicSpace", "山田　太郎", "山田 太郎"},
	{"Trim", " 　 日付 \t", "日付"},
	{"CollapseSpaces", "山田 　\t 太郎", "山田 太郎"},
	{"NewLines", "横須賀市\n横浜市", "横須賀市 横浜市"},
	{"HalfWidthKatakana", "ｶﾀｶﾅ", "カタカナ"},
	{"HalfWidthVoiced", "ｶﾞｲﾄﾞ", "ガイド"},
	{"HalfWidthSemiVoiced", "ﾊﾟｿｺﾝ", "パソコン"},
	{"HalfWidthVu", "ｳﾞｨ", "ヴィ"},
	{"HalfWidthPunctuation", "｢ｱ､ｲ･ｳ｣", "「ア、イ・ウ」"},
	{"CombiningMark", "カ\u3099", "ガ"},
	{"LoneMark", "ﾞ", "\u3099"},
	{"ZeroWidthDropped", "\ufeff日付\u200b", "日付"},
	{"KanjiUntouched", "令和３年〜", "令和3年〜"},
	{"WaveDashUntouched", "〜", "〜"},
	{"LongVowelUntouched", "ー", "ー"},
	{"InvalidUTF8", "a\xffb", "a\ufffdb"},
}

func TestFold(t *testing.T) {
	for _, tt := range foldTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := activity.Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldDoesNotAllocateWhenFolded(t *testing.T) {
	for _, s := range []string{"経営管理支援", "山田 太郎", "2021/11/14", "1-1"} {
		if n := testing.AllocsPerRun(100, func() { _ = activity.Fold(s) }); n != 0 {
			t.Errorf("Fold(%q) allocates %v times, want 0", s, n)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, tt := range foldTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := activity.Fold(s)
		if again := activity.Fold(got); again != got {
			t.Fatalf("Fold(%q) = %q, but Fold of that = %q", s, got, again)
		}
		if !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = %q, not valid UTF-8", s, got)
		}
		if strings.TrimSpace(got) != got || strings.Contains(got, "  ") {
			t.Fatalf("Fold(%q) = %q, untrimmed or doubled spaces", s, got)
		}
		for _, r := range got {
			if r >= '！' && r <= '～' || r >= 'ｦ' && r <= 'ﾟ' || r == '　' || r == '\n' || r == '\t' {
				t.Fatalf("Fold(%q) = %q, still holds %q", s, got, r)
			}
		}
	})
}

func BenchmarkFold(b *testing.B) {
	in := []string{"経営管理支援", "６２８，６４４円", "山田　太郎", "ｶﾞｲﾄﾞ", "1-1"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = activity.Fold(in[i%len(in)])
	}
}
