package activity_test

import (
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
)

func TestReadTable(t *testing.T) {
	t.Run("ColumnsByNameInAnyOrderWithAliases", func(t *testing.T) {
		g := MustGrid(t,
			nil,
			r(nil, "  ＤＡＴＥ ", "program", "備考", "支出額（円）", "内容", "場所", "staff", "受益対象者", "状態", "記入者", "ignored"),
			r(nil, "2021/5/1", "1-1", "", 100),
			nil,
			r(nil, nil, nil, nil, nil, "　"), // only a full-width space: blank
			r(nil, "2021/5/2", "1-1", "", 200),
		)
		tab, fs := activity.ReadTable("活動ログ", g, activity.LogColumns)
		if len(fs) != 0 {
			t.Fatalf("findings: %+v", fs)
		}
		for key, col := range map[string]int{"date": 1, "program": 2, "note": 3, "expense": 4, "staff": 7, "beneficiaries": 8, "member": 10, "beneficiary": -1} {
			if got := tab.Col(key); got != col {
				t.Errorf("column %s = %d, want %d", key, got, col)
			}
		}
		if tab.HeaderRow != 1 || len(tab.Rows) != 2 || tab.Rows[0] != 2 || tab.Rows[1] != 5 {
			t.Errorf("header row %d, rows %v; want 1 and [2 5]", tab.HeaderRow, tab.Rows)
		}
		if got := tab.Ref(5, "expense"); got != "活動ログ!E6" {
			t.Errorf("ref = %q, want 活動ログ!E6", got)
		}
	})
	t.Run("TitleRowAboveTheHeader", func(t *testing.T) {
		g := MustGrid(t,
			r("2021年度 活動ログ（産業クラスター研究会）"),
			nil,
			r("日付", "事業", "内容", "場所", "従事者", "受益対象", "支出額", "状態", "記入者"),
			r("2021/5/1", "1-1"),
		)
		tab, fs := activity.ReadTable("活動ログ", g, activity.LogColumns)
		if len(fs) != 0 || tab.HeaderRow != 2 || len(tab.Rows) != 1 || tab.Rows[0] != 3 {
			t.Errorf("header row %d, rows %v, findings %+v; want 2, [3], none", tab.HeaderRow, tab.Rows, fs)
		}
	})
	t.Run("FirstRowWinsATie", func(t *testing.T) {
		g := MustGrid(t, r("氏名", "Slack"), r("氏名", "Slack"))
		tab, _ := activity.ReadTable("会員", g, activity.MemberColumns)
		if tab.HeaderRow != 0 || len(tab.Rows) != 1 {
			t.Errorf("header row %d, rows %v", tab.HeaderRow, tab.Rows)
		}
	})
	t.Run("MissingColumnNamesIt", func(t *testing.T) {
		g := MustGrid(t, r("日付", "事業", "内容", "場所", "従事者", "受益対象", "金額X", "状態", "記入者"))
		_, fs := activity.ReadTable("活動ログ", g, activity.LogColumns)
		if len(fs) != 1 || fs[0].Code != activity.CodeMissingColumn || fs[0].Severity != activity.SeverityError ||
			!strings.Contains(fs[0].Message.Ja, "支出額") || !strings.Contains(fs[0].Message.En, "expense") || fs[0].Ref != "活動ログ!1:1" {
			t.Errorf("findings = %+v", fs)
		}
	})
	t.Run("EmptyTabLacksEveryRequiredColumn", func(t *testing.T) {
		_, fs := activity.ReadTable("会員", nil, activity.MemberColumns)
		if len(fs) != 1 || fs[0].Ref != "会員" {
			t.Errorf("findings = %+v", fs)
		}
	})
	t.Run("HeaderOnlyTabHasNoRows", func(t *testing.T) {
		tab, fs := activity.ReadTable("会員", MustGrid(t, r("氏名")), activity.MemberColumns)
		if len(fs) != 0 || len(tab.Rows) != 0 {
			t.Errorf("rows %v findings %+v", tab.Rows, fs)
		}
	})
}

func TestHeaderKey(t *testing.T) {
	for in, want := range map[string]string{
		"支出額（円）": "支出額", "支出額 (円)": "支出額", " Ｄａｔｅ ": "date", "受益 対象": "受益対象", "*記入者": "記入者", "従事者【名前】": "従事者",
	} {
		if got := activity.HeaderKey(in); got != want {
			t.Errorf("HeaderKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLoadBadInput(t *testing.T) {
	long := strings.Repeat("あ", 5000)
	wide := r("日付", "事業", "内容", "場所", "従事者", "受益対象", "支出額", "状態", "記入者")
	for len(wide) < 200 {
		wide = append(wide, nil)
	}
	wide = append(wide, "extra")
	log := MustGrid(t,
		wide,
		r(long, long, long, long, long, long, long, long, long),
		r("1900/1/1", "1-1", "", "", "", "", 0, "", "山田"),
		r("2200/1/1", "1-1", "", "", "", "", 0, "", "山田"),
		r(1.5e9, "1-1", "", "", "", "", 0, "", "山田"),
	)
	log[2] = append(log[2][:1:1], activity.ErrorCell("#REF!"))
	log[2] = append(log[2], MustGrid(t, r("", "", "", "", "#N/A", "", "山田"))[0]...)
	log[3][6] = activity.ErrorCell("#N/A")
	d := activity.Load(activity.Input{Tabs: activity.DefaultTabs, Log: log, Programs: programsGrid(t), Members: membersGrid(t)})
	rep := activity.Compile(d, fy2021, activity.Options{})
	fs := activity.Check(d, rep, fy2021, mustTime(t, "2022-04-15T10:00:00+09:00"), tokyo(t))
	refs := map[string]bool{}
	for _, f := range fs {
		refs[f.Ref] = true
		if len([]rune(f.Message.Ja)) > 400 {
			t.Errorf("%s: message of %d characters quotes too much", f.Ref, len([]rune(f.Message.Ja)))
		}
	}
	for _, want := range []string{"活動ログ!A2", "活動ログ!G2", "活動ログ!B3", "活動ログ!G4", "活動ログ!A5"} {
		if !refs[want] {
			t.Errorf("no finding at %s; got %v", want, refs)
		}
	}
	if rep.UnreadRows == 0 {
		t.Errorf("unread rows not counted")
	}
}
