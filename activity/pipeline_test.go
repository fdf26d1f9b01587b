package activity_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
)

// MustGrid builds a grid from rows of strings (text), ints and float64s
// (numbers) and nil (blank).
func MustGrid(tb testing.TB, rows ...[]any) activity.Grid {
	tb.Helper()
	g := make(activity.Grid, len(rows))
	for i, r := range rows {
		for _, v := range r {
			switch v := v.(type) {
			case nil:
				g[i] = append(g[i], activity.Cell{})
			case string:
				g[i] = append(g[i], activity.TextCell(v))
			case int:
				g[i] = append(g[i], activity.NumberCell(float64(v)))
			case float64:
				g[i] = append(g[i], activity.NumberCell(v))
			case bool:
				g[i] = append(g[i], activity.BoolCell(v))
			default:
				tb.Fatalf("MustGrid: unsupported %T", v)
			}
		}
	}
	return g
}

func r(vs ...any) []any { return vs }

var fy2021 = activity.FiscalYear{Year: 2021, StartMonth: time.April}

func tokyo(tb testing.TB) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		tb.Fatal(err)
	}
	return loc
}

func programsGrid(tb testing.TB) activity.Grid {
	return MustGrid(tb,
		r("コード", "事業名", "区分", "内容", "担当", "頻度", "予算額", "決算額"),
		r("1", "中小企業支援", "特定非営利活動", "", "", "", nil, nil),
		r("1-1", "経営管理支援", nil, "経営管理の支援", "山田", "毎月", "700,000", 10000),
		r("1-2", "特許取得支援", nil, "特許の支援", "鈴木", "随時", nil, 3000),
		r("2", "新しい公共支援", "", "", "", "", nil, nil),
		r("2-2", "その他", nil, "内訳のとおり", "", "", nil, "310,000"),
		r("2-2-1", "ものづくり教室", nil, "児童向け", "", "行事", nil, 2000),
		r("2-2-2", "経営者交流会", nil, "交流", "", "行事", nil, 2388),
	)
}

func membersGrid(tb testing.TB) activity.Grid {
	return MustGrid(tb,
		r("氏名", "Slack", "在籍"),
		r("山田 太郎", "U01", ""),
		r("鈴木", "suzuki@example.org", "在籍"),
		r("佐藤", "U03", "退会"),
	)
}

func TestPipeline(t *testing.T) {
	log := MustGrid(t,
		nil, // a blank first row: the header is the first non-empty row
		r("確認欄", "記入者", "日付", "事業", "内容", "場所", "従事者", "受益対象", "受益先", "支出額", "状態", "備考"),
		r(nil, "山田", 44301, "1-1", "相談", "横須賀市", "山田、鈴木", "中小企業 1社", "A社", "1,000", nil, nil),            // 2021-04-15
		r(nil, "山田", "2021/5/10", "経営管理支援", "相談", "横浜市・横須賀市", "山田", "中小企業１社", "A社", "２，０００円", "実施", nil), // A社 counts once
		r(nil, "山田", "令和3年6月1日", "1-1", "", "東京都", "3人", "横浜市3施設", nil, "3千円", nil, nil),
		r(nil, "山田さん", "R3.7.1", "1-1", "", "", "", "", nil, 4000, nil, nil), // a courtesy title is not part of the name
		nil,
		r(nil, "山田", "2021年8月", "1-1", "", "", "", "", nil, 0, "", nil),
		r(nil, "鈴木", "2021/9/1", "1-2", "", "三浦市", "鈴木", "中小企業 2社", nil, 3000, "", nil),
		r(nil, "山田", "2021/11/14", "ものづくり教室", "", "観音崎公園", "山田・鈴木", "約120名", nil, 2000, "", nil),
		r(nil, "鈴木", "2021/11/20", "2-2-2", "", "", "", "", nil, "2,388円", "中止", nil),
		r(nil, "山田", "2021/9/1", "1-1", "", "", "", "", nil, "", "活動なし", nil),
		r(nil, "田中", "2021/10/1", "9-9", "", "", "", "", nil, 5, "", nil),
		r(nil, "山田", "平成33年1月1日", "1-1", "", "", "", "", nil, 100, "", nil),
		r(nil, "山田", "2020/4/1", "1-1", "", "", "", "", nil, 100, "", nil),
	)
	in := activity.Input{Tabs: activity.DefaultTabs, Log: log, Programs: programsGrid(t), Members: membersGrid(t)}
	d := activity.Load(in)
	rep := activity.Compile(d, fy2021, activity.Options{})
	now := time.Date(2021, 11, 30, 12, 0, 0, 0, tokyo(t))
	fs := activity.Check(d, rep, fy2021, now, tokyo(t))

	byCode := map[string]activity.ProgramReport{}
	for _, p := range rep.Programs {
		byCode[p.Code] = p
	}
	t.Run("ProgramAggregates", func(t *testing.T) {
		got := byCode["1-1"]
		if got.Dates != "2021年4月15日、5月10日、6月1日、7月1日、8月" {
			t.Errorf("dates = %q", got.Dates)
		}
		if diff := cmp.Diff([]string{"横須賀市", "横浜市", "東京都"}, got.Places); diff != "" {
			t.Errorf("places mismatch (-want +got):\n%s", diff)
		}
		if got.Staff != 3 {
			t.Errorf("staff = %d, want 3 (two names, or three on one row)", got.Staff)
		}
		wantBen := []activity.BeneficiaryCount{
			{Type: "中小企業", Label: "中小企業", Unit: "社", Count: 1},
			{Type: "横浜市", Label: "横浜市", Unit: "施設", Count: 3},
		}
		if diff := cmp.Diff(wantBen, got.Beneficiaries); diff != "" {
			t.Errorf("beneficiaries mismatch (-want +got):\n%s", diff)
		}
		if got.ExpenseYen != 10000 {
			t.Errorf("expense = %d, want 10000", got.ExpenseYen)
		}
	})
	t.Run("CancelledKeepsExpense", func(t *testing.T) {
		got := byCode["2-2-2"]
		if !got.Cancelled || got.Performed || got.Dates != "中止" || got.ExpenseYen != 2388 {
			t.Errorf("2-2-2 = %+v", got)
		}
		if byCode["2-2"].ExpenseYen != 4388 {
			t.Errorf("2-2 subtotal = %d, want 4388", byCode["2-2"].ExpenseYen)
		}
	})
	t.Run("Totals", func(t *testing.T) {
		if rep.TotalExpenseYen != 17388 {
			t.Errorf("total = %d, want 17388", rep.TotalExpenseYen)
		}
		if rep.UnreadRows != 2 {
			t.Errorf("unread = %d, want 2 (unknown program, bad era)", rep.UnreadRows)
		}
		if rep.SettledTotalYen == nil || *rep.SettledTotalYen != 10000+3000+2000+2388 {
			t.Errorf("settled total = %v", rep.SettledTotalYen)
		}
	})
	t.Run("Findings", func(t *testing.T) {
		type key struct{ code, ref string }
		got := map[key]bool{}
		for _, f := range fs {
			got[key{string(f.Code), f.Ref}] = true
			if f.Message.Ja == "" || f.Message.En == "" {
				t.Errorf("%s %s: message missing a language: %+v", f.Code, f.Ref, f.Message)
			}
		}
		for _, want := range []key{
			{"unknown-program", "活動ログ!D13"},
			{"unknown-member", "活動ログ!B13"},
			{"era-mismatch", "活動ログ!C14"},
			{"outside-fiscal-year", "活動ログ!C15"},
			{"cancelled-with-expense", "活動ログ!J11"},
			{"subtotal-mismatch", "事業!H6"},
			{"not-performed", "事業!B8"},
			{"missing-entry", "事業!E3"},
		} {
			if !got[want] {
				t.Errorf("missing finding %v", want)
			}
		}
		for k := range got {
			if k.code == "missing-entry" && k.ref == "事業!E3" {
				continue
			}
			if k.code == "missing-entry" {
				t.Errorf("unexpected %v", k)
			}
		}
		months := 0
		for _, f := range fs {
			if f.Code == activity.CodeMissingEntry && f.Member == "山田 太郎" {
				months++
			}
		}
		if months != 1 {
			t.Errorf("山田 太郎 has %d missing months, want 1 (October; rows say 山田 and 山田さん)", months)
		}
		if got[key{"missing-field", "活動ログ!J12"}] {
			// 活動なし rows need no expense.
			t.Errorf("活動なし row flagged for a missing expense")
		}
	})
}

func mustTime(tb testing.TB, s string) time.Time {
	tb.Helper()
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}
