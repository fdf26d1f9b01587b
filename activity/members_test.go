package activity_test

import (
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
)

func TestRosterFind(t *testing.T) {
	members := MustGrid(t,
		r("氏名", "Slack", "在籍"),
		r("山田 太郎", "U01", ""),
		r("鈴木　花子", "U02", ""), // a full-width space
		r("佐藤 一郎", "U03", ""),
		r("佐藤 次郎", "U04", ""),
		r("Ｊｏｈｎ", "U05", "退会"),
		r("高橋美咲", "U06", ""), // no space between family and given name
		r("中村健", "U07", ""),
		r("中村 一郎", "U08", ""),
	)
	d := activity.Load(activity.Input{Tabs: activity.DefaultTabs, Members: members, Log: MustGrid(t), Programs: MustGrid(t)})
	for _, tc := range []struct{ typed, want string }{
		{"山田 太郎", "山田 太郎"},
		{"山田太郎", "山田 太郎"},
		{"山田さん", "山田 太郎"},
		{"山田", "山田 太郎"},
		{"鈴木花子様", "鈴木 花子"},
		{"鈴木", "鈴木 花子"},
		{"John", "John"},
		{"佐藤", ""}, // two 佐藤: ambiguous
		{"佐藤 一郎", "佐藤 一郎"},
		{"田中", ""},
		{"さん", ""},
		{"高橋", "高橋美咲"},
		{"高橋さん", "高橋美咲"},
		{"高橋 美咲", "高橋美咲"},
		{"高", "高橋美咲"},
		{"高橋美咲子", ""},
		{"中村", ""}, // 中村健 and 中村 一郎: ambiguous
		{"中村健", "中村健"},
		{"中村 健", "中村健"},
	} {
		m := d.Roster.Find(tc.typed)
		got := ""
		if m != nil {
			got = m.Name
		}
		if got != tc.want {
			t.Errorf("Find(%q) = %q, want %q", tc.typed, got, tc.want)
		}
	}
}
