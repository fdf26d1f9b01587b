package activity_test

import (
	"github.com/google/go-cmp/cmp"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
)

// checkHeader is the log's header in the tests below: 日付 is column A,
// 事業 B, 内容 C, 場所 D, 従事者 E, 受益対象 F, 受益先 G, 支出額 H, 状態 I,
// 記入者 J, 備考 K; the first row below it is row 2.
var checkHeader = r("日付", "事業", "内容", "場所", "従事者", "受益対象", "受益先", "支出額", "状態", "記入者", "備考")

// row is a done log row of 山田 太郎 for 1-1 on a day of FY2021, with
// fields replaced by column key.
func logRow(set map[string]any) []any {
	cols := []string{"date", "program", "description", "place", "staff", "beneficiaries", "beneficiary", "expense", "status", "member", "note"}
	base := map[string]any{"date": "2021/4/15", "program": "1-1", "description": "相談", "place": "横須賀市", "staff": "山田",
		"beneficiaries": "中小企業 1社", "expense": 1000, "member": "山田"}
	out := make([]any, len(cols))
	for i, c := range cols {
		out[i] = base[c]
		if v, ok := set[c]; ok {
			out[i] = v
		}
	}
	return out
}

// want is a finding expected at a cell, with a part of its Japanese message.
type want struct {
	code activity.Code
	ref  string
	says string
}

// MustCheck loads the log rows under checkHeader with the test catalogue
// and members, compiles FY2021 and checks it at now (Tokyo).
func MustCheck(tb testing.TB, now string, members activity.Grid, rows ...[]any) (*activity.Report, []activity.Finding) {
	tb.Helper()
	if members == nil {
		members = membersGrid(tb)
	}
	grid := MustGrid(tb, append([][]any{checkHeader}, rows...)...)
	d := activity.Load(activity.Input{Tabs: activity.DefaultTabs, Log: grid, Programs: programsGrid(tb), Members: members})
	rep := activity.Compile(d, fy2021, activity.Options{})
	return rep, activity.Check(d, rep, fy2021, mustTime(tb, now), tokyo(tb))
}

// TestChecks has a case for every check of SPEC §3 and the ones katsudo
// adds: the finding appears at the member's cell, and where a member has
// fixed or explained the row, it does not.
func TestChecks(t *testing.T) {
	const may = "2021-05-20T12:00:00+09:00"
	long := strings.Repeat("長", 50000)
	tests := []struct {
		name    string
		now     string
		members activity.Grid
		rows    [][]any
		want    []want
		notWant []want // says unused
	}{
		{name: "UnparsableDate", rows: [][]any{logRow(map[string]any{"date": "2021/13/45"})},
			want: []want{{activity.CodeUnparsable, "活動ログ!A2", "2021/13/45"}}},
		{name: "UnparsableExpense", rows: [][]any{logRow(map[string]any{"expense": "たくさん"})},
			want: []want{{activity.CodeUnparsable, "活動ログ!H2", "たくさん"}}},
		{name: "UnparsableStatus", rows: [][]any{logRow(map[string]any{"status": "実施予定"})},
			want: []want{{activity.CodeUnparsable, "活動ログ!I2", "実施予定"}}},
		{name: "UnparsableVagueStaff", rows: [][]any{logRow(map[string]any{"staff": "伊藤ほかボランティア数名"})},
			want: []want{{activity.CodeUnparsable, "活動ログ!E2", "人数が分かりません"}}},
		{name: "UnparsableOthersWithoutCount", rows: [][]any{logRow(map[string]any{"staff": "伊藤他ボランティア"})},
			want: []want{{activity.CodeUnparsable, "活動ログ!E2", "何名"}}},
		{name: "MissingDate", rows: [][]any{logRow(map[string]any{"date": nil})},
			want: []want{{activity.CodeMissingField, "活動ログ!A2", "日付がありません"}}},
		{name: "MissingProgram", rows: [][]any{logRow(map[string]any{"program": nil})},
			want: []want{{activity.CodeMissingField, "活動ログ!B2", "事業がありません"}}},
		{name: "MissingMember", rows: [][]any{logRow(map[string]any{"member": nil})},
			want: []want{{activity.CodeMissingField, "活動ログ!J2", "記入者がありません"}}},
		{name: "MissingExpenseOnDoneRow", rows: [][]any{logRow(map[string]any{"expense": nil})},
			want: []want{{activity.CodeMissingField, "活動ログ!H2", "支出額がありません"}}},
		{name: "NoExpenseNeededForNoActivity", rows: [][]any{logRow(map[string]any{"expense": nil, "status": "活動なし"})},
			notWant: []want{{code: activity.CodeMissingField, ref: "活動ログ!H2"}}},
		{name: "UnknownProgram", rows: [][]any{logRow(map[string]any{"program": "9-9"})},
			want: []want{{activity.CodeUnknownProgram, "活動ログ!B2", "9-9"}}},
		{name: "CategoryIsNoProgram", rows: [][]any{logRow(map[string]any{"program": "1"})},
			want: []want{{activity.CodeUnknownProgram, "活動ログ!B2", "見出し（1 中小企業支援）"}}},
		{name: "ProgramWithSubItemsIsAHeading", rows: [][]any{logRow(map[string]any{"program": "その他"})},
			want: []want{{activity.CodeUnknownProgram, "活動ログ!B2", "2-2-1、2-2-2"}}},
		{name: "UnknownMember", rows: [][]any{logRow(map[string]any{"member": "田中"})},
			want: []want{{activity.CodeUnknownMember, "活動ログ!J2", "田中"}}},
		{name: "OutsideFiscalYear", rows: [][]any{logRow(map[string]any{"date": "2020/4/1"})},
			want: []want{{activity.CodeOutsideFiscalYear, "活動ログ!A2", "2021年度（"}}},
		{name: "EraMismatch", rows: [][]any{logRow(map[string]any{"date": "平成32年1月1日"})},
			want: []want{{activity.CodeEraMismatch, "活動ログ!A2", "平成32年"}}},
		{name: "UnitSuspect", rows: [][]any{logRow(map[string]any{"expense": "700,000千円"})},
			want: []want{{activity.CodeUnitSuspect, "活動ログ!H2", "千円"}}},
		{name: "CancelledWithExpense", rows: [][]any{logRow(map[string]any{"status": "中止", "expense": "2,388円"})},
			want: []want{{activity.CodeCancelledWithExpense, "活動ログ!H2", "状態が「中止」"}}},
		{name: "CancelledWithExpenseNoteOnlyRestates", rows: [][]any{logRow(map[string]any{"status": "中止", "expense": 2388, "note": "コロナのため中止"})},
			want: []want{{activity.CodeCancelledWithExpense, "活動ログ!H2", "備考に理由"}}},
		{name: "CancelledWithExpenseExplainedClears", rows: [][]any{logRow(map[string]any{"status": "中止", "expense": 2388, "note": "案内状は発送済み（郵送料）"})},
			notWant: []want{{code: activity.CodeCancelledWithExpense, ref: "活動ログ!H2"}}},
		{name: "CancellationFeeClears", rows: [][]any{logRow(map[string]any{"status": "中止", "expense": 5000, "note": "会場のキャンセル料"})},
			notWant: []want{{code: activity.CodeCancelledWithExpense, ref: "活動ログ!H2"}}},
		{name: "PostponedIsSaidPostponed", rows: [][]any{logRow(map[string]any{"status": "延期", "expense": 2000})},
			want: []want{{activity.CodeCancelledWithExpense, "活動ログ!H2", "状態が「延期」"}}},
		{name: "DuplicateRow", rows: [][]any{logRow(nil), logRow(nil)},
			want: []want{{activity.CodeDuplicateRow, "活動ログ!A3", "2行目"}}},
		{name: "SettledMismatch", rows: [][]any{logRow(map[string]any{"program": "1-2", "member": "鈴木", "staff": "鈴木", "expense": 5000})},
			want: []want{{activity.CodeSettledMismatch, "事業!H4", "一致しません"}}},
		{name: "NoSettledMismatchWhileTheYearIsOpen", now: "2021-11-30T12:00:00+09:00",
			rows:    [][]any{logRow(map[string]any{"program": "1-2", "member": "鈴木", "staff": "鈴木", "expense": 5000})},
			notWant: []want{{code: activity.CodeSettledMismatch, ref: "事業!H4"}}},
		{name: "SubtotalMismatch", rows: [][]any{logRow(nil)},
			want: []want{{activity.CodeSubtotalMismatch, "事業!H6", "内訳"}}},
		{name: "OverBudget", rows: [][]any{logRow(map[string]any{"expense": 800000})},
			want: []want{{activity.CodeOverBudget, "事業!G3", "予算額"}}},
		{name: "MissingEntry", now: "2021-06-20T12:00:00+09:00", rows: [][]any{logRow(nil)},
			want: []want{{activity.CodeMissingEntry, "事業!E3", "2021年5月"}}},
		{name: "MissingEntryNotForStaffByFamilyName", now: may,
			members: MustGrid(t, r("氏名", "Slack", "在籍"), r("山田太郎", "U01", ""), r("鈴木", "U02", "")),
			rows:    [][]any{logRow(map[string]any{"member": "鈴木", "staff": "山田、鈴木"})},
			notWant: []want{{code: activity.CodeMissingEntry, ref: "事業!E3"}, {code: activity.CodeUnknownMember}}},
		{name: "PersonalDataPhone", rows: [][]any{logRow(map[string]any{"place": "横須賀市 045-123-4567"})},
			want: []want{{activity.CodePersonalData, "活動ログ!D2", "電話番号"}}},
		{name: "PersonalDataEmail", rows: [][]any{logRow(map[string]any{"place": "ito@example.org 宅"})},
			want: []want{{activity.CodePersonalData, "活動ログ!D2", "メールアドレス"}}},
		{name: "PersonalDataFullWidthEmail", rows: [][]any{logRow(map[string]any{"place": "ｉｔｏ＠ｅｘａｍｐｌｅ．ｏｒｇ"})},
			want: []want{{activity.CodePersonalData, "活動ログ!D2", "メールアドレス"}}},
		{name: "PersonalDataBankAccount", rows: [][]any{logRow(map[string]any{"place": "振込先 普通口座 1234567"})},
			want: []want{{activity.CodePersonalData, "活動ログ!D2", "口座番号"}}},
		{name: "PersonalDataBankAccountInBeneficiaries", rows: [][]any{logRow(map[string]any{"beneficiaries": "普通預金1234567の個人 1名"})},
			want: []want{{activity.CodePersonalData, "活動ログ!F2", "口座番号"}}},
		{name: "NoPersonalDataInAPostcodeLikeCount", rows: [][]any{logRow(map[string]any{"place": "横須賀市"})},
			notWant: []want{{code: activity.CodePersonalData, ref: "活動ログ!D2"}}},
		{name: "NotPerformed", rows: [][]any{logRow(nil)},
			want: []want{{activity.CodeNotPerformed, "事業!B4", "実施しなかった"}}},
		{name: "NotPerformedPostponed", rows: [][]any{logRow(nil), logRow(map[string]any{"program": "1-2", "member": "鈴木", "status": "延期", "expense": 0})},
			want: []want{{activity.CodeNotPerformed, "事業!B4", "「延期」"}}},
		{name: "LastYearsLogIsLastYearsToFix", now: "2021-07-05T12:00:00+09:00", rows: [][]any{
			logRow(map[string]any{"date": "2020/5/1"}), logRow(map[string]any{"date": "2020/6/1"}),
			logRow(map[string]any{"date": "2020/7/1"}), logRow(map[string]any{"date": "2020/8/1", "expense": "交通費のみ"}),
			logRow(nil)},
			notWant: []want{{code: activity.CodeUnparsable, ref: "活動ログ!H5"}}},
		{name: "AStrayRowOfLastYearIsStillChecked", now: "2021-07-05T12:00:00+09:00", rows: [][]any{
			logRow(map[string]any{"date": "2020/8/1", "expense": "交通費のみ"}), logRow(nil)},
			want: []want{{activity.CodeUnparsable, "活動ログ!H2", "交通費のみ"}, {activity.CodeOutsideFiscalYear, "活動ログ!A2", "年度"}}},
		{name: "UnitSuspectAgainstTheUsualAmount", rows: func() [][]any {
			// 1-2's 決算額 (3,000円) cannot show one 250千円 slip among
			// 200円 rows, as the whole program's total would be off anyway.
			rows := [][]any{logRow(map[string]any{"program": "1-2", "member": "鈴木", "date": "2021/5/1", "expense": "250千円"})}
			for _, day := range []string{"2021/4/1", "2021/4/8", "2021/4/15", "2021/4/22"} {
				rows = append(rows, logRow(map[string]any{"program": "1-2", "member": "鈴木", "date": day, "expense": 200}))
			}
			return rows
		}(), want: []want{{activity.CodeUnitSuspect, "活動ログ!H2", "中央値"}}},
		{name: "NoUnitSuspectForAnOrdinaryLargeRow", rows: [][]any{
			logRow(map[string]any{"program": "1-2", "member": "鈴木", "date": "2021/5/1", "expense": 150000}),
			logRow(map[string]any{"program": "1-2", "member": "鈴木", "date": "2021/4/1", "expense": 200}),
			logRow(map[string]any{"program": "1-2", "member": "鈴木", "date": "2021/4/8", "expense": 200}),
			logRow(map[string]any{"program": "1-2", "member": "鈴木", "date": "2021/4/15", "expense": 200}),
			logRow(map[string]any{"program": "1-2", "member": "鈴木", "date": "2021/4/22", "expense": 200})},
			notWant: []want{{code: activity.CodeUnitSuspect, ref: "活動ログ!H2"}}},
		{name: "EstimatedExpense", rows: [][]any{logRow(map[string]any{"expense": "約3,000円"})},
			want: []want{{activity.CodeEstimatedExpense, "活動ログ!H2", "支出額「約3,000円」は概算"}}},
		{name: "FutureDateInTheYear", now: "2021-11-30T12:00:00+09:00", rows: [][]any{logRow(map[string]any{"date": "2021/12/10"})},
			want: []want{{activity.CodeFutureDate, "活動ログ!A2", "今日（2021年11月30日）より後"}}},
		{name: "FutureMonthInTheYear", now: "2021-11-30T12:00:00+09:00", rows: [][]any{logRow(map[string]any{"date": "2022年1月"})},
			want: []want{{activity.CodeFutureDate, "活動ログ!A2", "2022年1月"}}},
		{name: "CurrentMonthIsNotFuture", now: "2021-11-30T12:00:00+09:00", rows: [][]any{logRow(map[string]any{"date": "2021年11月"})},
			notWant: []want{{code: activity.CodeFutureDate}}},
		{name: "FutureCancellationIsFine", now: "2021-11-30T12:00:00+09:00", rows: [][]any{logRow(map[string]any{"date": "2021/12/10", "status": "中止", "expense": 0})},
			notWant: []want{{code: activity.CodeFutureDate}}},
		{name: "LongText", rows: [][]any{logRow(map[string]any{"description": long})},
			want: []want{{activity.CodeLongText, "活動ログ!C2", "50,000 文字"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := tt.now
			if now == "" {
				now = "2022-04-10T12:00:00+09:00"
			}
			_, fs := MustCheck(t, now, tt.members, tt.rows...)
			for _, w := range tt.want {
				if !hasFinding(fs, w) {
					t.Errorf("no %s at %s saying %q; got:\n%s", w.code, w.ref, w.says, listFindings(fs))
				}
			}
			for _, w := range tt.notWant {
				if hasFinding(fs, w) {
					t.Errorf("unexpected %s at %q; got:\n%s", w.code, w.ref, listFindings(fs))
				}
			}
		})
	}
}

// hasFinding reports whether fs has a finding with w's code whose ref
// starts with w.ref and whose message holds w.says.
func hasFinding(fs []activity.Finding, w want) bool {
	for _, f := range fs {
		if f.Code == w.code && strings.HasPrefix(f.Ref, w.ref) && strings.Contains(f.Message.Ja, w.says) {
			if f.Message.En == "" {
				return false
			}
			return true
		}
	}
	return false
}

func listFindings(fs []activity.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("  " + string(f.Code) + " " + f.Ref + " " + f.Message.Ja + "\n")
	}
	return b.String()
}

// TestReportFromMessyRows compiles rows written the way members write
// them and looks at what the filing says.
func TestReportFromMessyRows(t *testing.T) {
	line := func(rep *activity.Report, code string) activity.ProgramReport {
		for _, p := range rep.Programs {
			if p.Code == code {
				return p
			}
		}
		t.Fatalf("no line %s", code)
		return activity.ProgramReport{}
	}
	t.Run("UnnamedHelpersCountAsMore", func(t *testing.T) {
		rep, _ := MustCheck(t, "2022-04-10T12:00:00+09:00", nil,
			logRow(map[string]any{"staff": "伊藤ほかボランティア3名"}),
			logRow(map[string]any{"date": "2021/5/1", "staff": "伊藤 他3名"}),
		)
		if got := line(rep, "1-1").Staff; got != 4 {
			t.Errorf("staff = %d, want 4 (伊藤 and 3 more)", got)
		}
	})
	t.Run("NamesAndUnnamedHelpersAddUp", func(t *testing.T) {
		// Two people named on one row, a third with 3 unnamed helpers on
		// another: 3 different people and 3 more, not the 4 of the fullest row.
		rep, _ := MustCheck(t, "2022-04-10T12:00:00+09:00", nil,
			logRow(map[string]any{"staff": "伊藤、鈴木"}),
			logRow(map[string]any{"date": "2021/5/1", "staff": "山田、他ボランティア3名"}),
			logRow(map[string]any{"date": "2021/6/1", "staff": "5"}),
		)
		if got := line(rep, "1-1").Staff; got != 6 {
			t.Errorf("staff = %d, want 6 (伊藤, 鈴木, 山田 and 3 helpers)", got)
		}
	})
	t.Run("ARowOnAHeadingIsLeftOutSoTheLinesAddUp", func(t *testing.T) {
		rep, _ := MustCheck(t, "2022-04-10T12:00:00+09:00", nil,
			logRow(map[string]any{"expense": 1000}),
			logRow(map[string]any{"date": "2021/5/1", "program": "1", "expense": 12600}),
		)
		if cat, prog := line(rep, "1").ExpenseYen, line(rep, "1-1").ExpenseYen+line(rep, "1-2").ExpenseYen; cat != prog || rep.UnreadRows != 1 {
			t.Errorf("category 1 = %d, its programs %d, %d rows not counted; want them equal and the row on 未集計", cat, prog, rep.UnreadRows)
		}
	})
	t.Run("PlacesAreFiledAsWritten", func(t *testing.T) {
		rep, _ := MustCheck(t, "2022-04-10T12:00:00+09:00", nil,
			logRow(map[string]any{"place": "さくら川（桜橋・中洲公園）、横浜市"}),
			logRow(map[string]any{"date": "2021/5/1", "place": "さくら川(桜橋・中洲公園)・ 横浜市 "}),
		)
		want := []string{"さくら川（桜橋・中洲公園）", "横浜市"}
		if diff := cmp.Diff(want, line(rep, "1-1").Places); diff != "" {
			t.Errorf("places mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("PostponedIsNotDone", func(t *testing.T) {
		rep, _ := MustCheck(t, "2022-04-10T12:00:00+09:00", nil,
			logRow(nil), logRow(map[string]any{"program": "1-2", "member": "鈴木", "status": "延期", "expense": 0}))
		got := line(rep, "1-2")
		if got.Performed || !got.Postponed || got.Dates != "延期" {
			t.Errorf("1-2 = performed %v, postponed %v, dates %q; want not performed, 延期", got.Performed, got.Postponed, got.Dates)
		}
	})
	t.Run("LongCellIsCutInTheReport", func(t *testing.T) {
		long := strings.Repeat("長", 60000)
		grid := MustGrid(t, append([][]any{checkHeader}, logRow(map[string]any{"place": long}))...)
		d := activity.Load(activity.Input{Tabs: activity.DefaultTabs, Log: grid, Programs: programsGrid(t), Members: membersGrid(t)})
		sheet := activity.Compile(d, fy2021, activity.Options{}).Sheet("事業報告書")
		for _, limit := range []struct {
			max   int
			count func(string) int
		}{{activity.MaxExcelCellText, activity.UTF16Len}, {activity.MaxSheetsCellText, activity.RuneLen}} {
			fitted := sheet.Fit(limit.max, limit.count)
			cut := 0
			for _, row := range fitted.Rows {
				for _, v := range row {
					if limit.count(v.Text) > limit.max {
						t.Errorf("a cell of %d characters is left, the limit is %d", limit.count(v.Text), limit.max)
					}
					if strings.HasSuffix(v.Text, "…（以下省略）") {
						cut++
						if limit.count(v.Text) != limit.max {
							t.Errorf("cut to %d, want the whole %d", limit.count(v.Text), limit.max)
						}
					}
				}
			}
			if cut != 1 {
				t.Errorf("limit %d: %d cells cut, want 1 (実施場所 of 1-1)", limit.max, cut)
			}
		}
	})
}

func TestCutText(t *testing.T) {
	const mark = "…（以下省略）"
	tests := []struct {
		name, in string
		limit    int
		count    func(string) int
		want     string
	}{
		{"FitsUnchanged", "あいう", 3, activity.RuneLen, "あいう"},
		{"CutWithMark", "あいうえおかきくけこさしすせそ", 10, activity.RuneLen, "あいう" + mark},
		{"SurrogatesNotSplit", "𠮷𠮷𠮷𠮷𠮷𠮷𠮷", 10, activity.UTF16Len, "𠮷" + mark},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := activity.CutText(tt.in, tt.limit, tt.count, mark); got != tt.want {
				t.Errorf("CutText(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
			}
		})
	}
}
