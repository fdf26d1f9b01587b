package activity

import (
	"strings"
	"unicode"
)

// Codes beyond SPEC §3's table, for what members write that the table
// does not name (see the README's departures).
const (
	// CodeEstimatedExpense: 支出額 written as an estimate (約3,000円,
	// 概算): the filing reconciles with the accounts, and an estimate is
	// not a settled expense. The figure is counted as written.
	CodeEstimatedExpense Code = "estimated-expense"
	// CodeLongText: a text cell longer than a report cell can hold; the
	// report cuts it and marks the cut.
	CodeLongText Code = "long-text"
)

// statusWord is the 状態 as the member wrote it, for messages: 延期 for a
// postponed row, 中止 for a cancelled one.
func statusWord(e *Entry) Text {
	if e.Postponed {
		return Text{Ja: "延期", En: "postponed"}
	}
	return Text{Ja: "中止", En: "cancelled"}
}

// cancelledWithExpense reports money spent on a cancelled or postponed
// activity, unless 備考 explains it.
func cancelledWithExpense(d *Dataset, e *Entry, fs []Finding) []Finding {
	if (e.Status != StatusCancelled) || !e.HasExpense || e.Expense.Yen <= 0 || explainsCost(e.Note) {
		return fs
	}
	w := statusWord(e)
	return append(fs, Finding{Code: CodeCancelledWithExpense, Severity: SeverityWarning, Ref: d.Log.Ref(e.Row, "expense"), Member: e.Member, Row: e.Row,
		Message: Text{
			Ja: "状態が「" + w.Ja + "」ですが支出額 " + FormatYen(e.Expense.Yen, Japanese) + " があります。" + w.Ja + "でも支出があったなら備考に理由（キャンセル料など）を、実施したなら状態を直してください（支出額は集計に含めます）",
			En: "the status is " + w.En + " but the expense is " + FormatYen(e.Expense.Yen, English) + "; if money was spent all the same, say why in the note (a cancellation fee, say), if it took place fix the status (the expense is counted)",
		}})
}

// costWords say what money went to: a note with one of them explains
// the expense (キャンセル料, 会場費は返金なし, 案内状の郵送料).
var costWords = []string{"料", "費", "代", "円", "支払", "払い", "払っ", "返金", "返還", "発送", "郵送", "購入", "印刷", "手配", "予約", "前払", "実費", "経費", "精算", "請求"}

// restatements are what a note may say without explaining the money: the
// status again, why the event was called off, or nothing.
var restatements = []string{
	"中止", "延期", "順延", "取りやめ", "取り止め", "キャンセル", "cancelled", "canceled", "postponed",
	"新型コロナウイルス", "新型コロナ", "コロナウイルス", "コロナ", "covid19", "covid", "感染拡大", "感染症", "感染防止", "感染",
	"まん延防止等重点措置", "まん延防止", "蔓延防止", "重点措置", "緊急事態宣言", "緊急事態", "宣言",
	"雨天", "荒天", "悪天候", "天候不良", "台風", "大雪", "降雪", "強風", "地震",
	"参加者不足", "申込者不足", "申し込み不足", "申込不足", "参加者", "申込", "不足", "少数", "定員", "未満",
	"講師", "主催者", "先方", "都合", "体調不良", "急病", "により", "による", "よって",
	"のため", "ため", "しました", "した", "です", "になりました", "となりました", "になった", "となった", "扱い", "済み", "済",
	"特になし", "なし", "無し", "不明", "未定", "同上", "の", "で", "に", "が", "は", "を",
}

// explainsCost reports whether a 備考 explains money spent on a cancelled
// or postponed activity. It does when it says what the money went to (a
// word of costWords: キャンセル料, 郵送料, 会場費, 返金なし), or anything
// beyond the status again, why the event was called off, and filler
// (中止, 延期しました, コロナのため中止, 雨天, なし, -): katsudo cannot judge
// a reason, and the treasurer reads the note in the row the finding
// points at. What is left must be at least two letters.
func explainsCost(note string) bool {
	s := strings.ToLower(Fold(note))
	for _, w := range costWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	for _, w := range restatements {
		s = strings.ReplaceAll(s, w, "")
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			letters++
		}
	}
	return letters >= 2
}

// estimatedExpense warns about an expense written as an estimate.
func estimatedExpense(d *Dataset, e *Entry, fs []Finding) []Finding {
	if !e.HasExpense || !e.Expense.Approx {
		return fs
	}
	c := e.ExpenseText // the log's cells are let go once read
	return append(fs, Finding{Code: CodeEstimatedExpense, Severity: SeverityWarning, Ref: d.Log.Ref(e.Row, "expense"), Member: e.Member, Row: e.Row,
		Message: Text{
			Ja: "支出額「" + quote(c) + "」は概算です。報告書は決算（活動計算書）と一致させるので、確定した金額を書いてください（いまは " + FormatYen(e.Expense.Yen, Japanese) + " として集計しています）",
			En: "the expense \"" + quote(c) + "\" is an estimate; the report must match the accounts, so write the settled amount (counted as " + FormatYen(e.Expense.Yen, English) + " for now)",
		}})
}

// futureDate warns about a done row dated after today inside the fiscal
// year being compiled (CodeFutureDate): a year or month typed wrong, or a
// plan logged as done.
func futureDate(d *Dataset, e *Entry, today Date, fs []Finding) []Finding {
	if e.Status != StatusDone {
		return fs // a cancellation may be logged ahead
	}
	future := today.Before(e.Date)
	if e.Date.IsMonth() {
		future = e.Date.MonthKey() > today.MonthKey()
	}
	if !future {
		return fs
	}
	return append(fs, Finding{Code: CodeFutureDate, Severity: SeverityWarning, Ref: d.Log.Ref(e.Row, "date"), Member: e.Member, Row: e.Row,
		Message: Text{
			Ja: "日付 " + jaDate(e.Date, true) + " は今日（" + jaDate(today, true) + "）より後ですが、状態は実施です。日付の書き間違いか、予定なら実施後に記入してください（いまは集計に含めています）",
			En: "the date " + enDate(e.Date, true) + " is after today (" + enDate(today, true) + ") but the row says done; fix the date, or log a plan once it has taken place (counted for now)",
		}})
}
