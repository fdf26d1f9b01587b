package activity

import "strings"

// Status words. A done word must stand alone or be followed by a note
// after a space or bracket (実施（オンライン）), so that 実施予定 (planned)
// is not read as done; a cancelled or no-activity word may be followed by
// anything (中止（コロナ）, 中止 雨天, 活動なし 夏休み).
var (
	doneWords = [...]string{
		"実施済み", "実施済", "実施完了", "実施した", "実施", "済み", "済", "完了", "終了",
		"done", "ok", "○", "◯", "〇",
	}
	cancelledWords = [...]string{
		"中止", "取りやめ", "取り止め", "取止め", "とりやめ", "延期", "順延", "キャンセル",
		"cancelled", "canceled", "cancel", "postponed",
	}
	noActivityWords = [...]string{
		"活動なし", "活動無し", "なし", "無し", "none", "no activity",
	}
)

// ParseStatus reads a 状態 cell: what became of an activity. An empty
// cell, 実施, 済, 完了, 実施済, done or ○ is StatusDone; 中止 (with any
// reason after it: 中止（コロナ）, 中止 雨天), キャンセル, cancelled or
// canceled is StatusCancelled; 活動なし, なし or none is StatusNoActivity.
// English words are matched in any case.
//
// 延期 (postponed) and 順延 are StatusCancelled: the activity did not take
// place on the logged date, any money already spent still counts (as for
// a cancelled one), and the member logs a new row when it does take
// place. Anything else (実施予定, 未定, a lone dash) gives a *CellError
// listing the accepted words, and StatusDone.
func ParseStatus(c Cell) (Status, error) {
	switch c.Kind {
	case CellEmpty:
		return StatusDone, nil
	case CellText:
	case CellFormulaError:
		return StatusDone, kindError(c, "状態", "a status")
	default:
		return StatusDone, statusError(c.String())
	}
	s := strings.ToLower(Fold(c.Text))
	if s == "" {
		return StatusDone, invisibleOnly(c, "状態", "status")
	}
	for _, w := range cancelledWords {
		if strings.HasPrefix(s, w) {
			return StatusCancelled, nil
		}
	}
	for _, w := range noActivityWords {
		if strings.HasPrefix(s, w) {
			return StatusNoActivity, nil
		}
	}
	for _, w := range doneWords {
		if rest, ok := strings.CutPrefix(s, w); ok && (rest == "" || rest[0] == ' ' || rest[0] == '(' || rest[0] == '[') {
			return StatusDone, nil
		}
	}
	return StatusDone, statusError(c.Text)
}

// statusError is the reason a status cannot be read, with the words that can.
func statusError(in string) *CellError {
	q := quote(in)
	return unparsable(
		"状態「"+q+"」を読めません。空欄（実施）、「実施」「中止」「活動なし」のどれかにしてください（延期は中止として扱います）",
		"cannot read the status \""+q+"\"; leave it empty or write 実施 (done), 中止 (cancelled; 延期, postponed, counts as cancelled) or 活動なし (nothing to report this month)")
}

// postponedWords are the cancelled words that mean postponed.
var postponedWords = [...]string{"延期", "順延", "postponed"}

// IsPostponed reports whether a 状態 cell says the activity was postponed
// (延期, 順延): ParseStatus reads it as cancelled, and messages and the
// report say 延期.
func IsPostponed(c Cell) bool {
	if c.Kind != CellText {
		return false
	}
	s := strings.ToLower(Fold(c.Text))
	for _, w := range postponedWords {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}
