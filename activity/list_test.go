package activity_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
)

var splitListTests = []struct {
	name string
	in   string
	want []string
}{
	{"Empty", "", nil},
	{"Blank", " 　\n", nil},
	{"One", "横須賀市", []string{"横須賀市"}},
	{"Touten", "横須賀市、横浜市、東京都", []string{"横須賀市", "横浜市", "東京都"}},
	{"Comma", "横須賀市,横浜市", []string{"横須賀市", "横浜市"}},
	{"FullWidthComma", "横須賀市，横浜市", []string{"横須賀市", "横浜市"}},
	{"Nakaguro", "三浦市・横須賀市", []string{"三浦市", "横須賀市"}},
	{"HalfWidthNakaguro", "三浦市･横須賀市", []string{"三浦市", "横須賀市"}},
	{"Slashes", "横浜市/東京都／川崎市", []string{"横浜市", "東京都", "川崎市"}},
	{"Semicolons", "山田;鈴木；佐藤", []string{"山田", "鈴木", "佐藤"}},
	{"NewLines", "山田\n鈴木\r\n佐藤", []string{"山田", "鈴木", "佐藤"}},
	{"EmptiesDropped", "、山田,, 、鈴木、", []string{"山田", "鈴木"}},
	{"SpacesKeptInside", " 山田　太郎 、鈴木 一郎", []string{"山田 太郎", "鈴木 一郎"}},
	{"Folded", "ＡＢＣ社、ｶﾞｲﾄﾞ", []string{"ABC社", "ガイド"}},
}

func TestSplitList(t *testing.T) {
	for _, tt := range splitListTests {
		t.Run(tt.name, func(t *testing.T) {
			got := activity.SplitList(tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("SplitList(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func FuzzSplitList(f *testing.F) {
	for _, tt := range splitListTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, item := range activity.SplitList(s) {
			if item == "" || activity.Fold(item) != item || strings.ContainsAny(item, "、,・/;\n") {
				t.Fatalf("SplitList(%q) holds %q, want non-empty folded items without separators", s, item)
			}
		}
	})
}

func BenchmarkSplitList(b *testing.B) {
	in := []string{"横須賀市", "横浜市、東京都", "三浦市・横須賀市", "山田、鈴木"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = activity.SplitList(in[i%len(in)])
	}
}
