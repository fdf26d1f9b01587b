package activity

// FindingJSON is a finding as `check --format json` prints it, with the
// message in the organisation's language.
type FindingJSON struct {
	Code     Code     `json:"code"`
	Severity Severity `json:"severity"`
	Ref      string   `json:"ref"`
	Message  string   `json:"message"`
	Member   string   `json:"member"`
}

// FindingsJSON renders findings for JSON output; never nil.
func FindingsJSON(fs []Finding, lang Lang) []FindingJSON {
	out := make([]FindingJSON, 0, len(fs))
	for _, f := range fs {
		out = append(out, FindingJSON{Code: f.Code, Severity: f.Severity, Ref: f.Ref, Message: f.Message.In(lang), Member: f.Member})
	}
	return out
}

// SeverityText is the word members read for a severity.
func SeverityText(s Severity, lang Lang) string {
	if s == SeverityError {
		return Text{Ja: "エラー", En: "error"}.In(lang)
	}
	return Text{Ja: "注意", En: "warning"}.In(lang)
}

// FindingsSheet lays the findings out as the チェック tab: one row each,
// errors first, with the cell to open and the member who should fix it.
// notes come first, each on a row of its own marked 照合: the report's
// reconciliation with the accounts (Report.ReconciliationText), which is
// for the secretariat, not for the page filed with the prefecture.
func FindingsSheet(tab string, fs []Finding, lang Lang, notes ...string) Sheet {
	rows := make([][]Value, 0, len(fs)+1)
	rows = append(rows, []Value{
		Str(Text{Ja: "重要度", En: "Severity"}.In(lang), Bold),
		Str(Text{Ja: "コード", En: "Code"}.In(lang), Bold),
		Str(Text{Ja: "セル", En: "Cell"}.In(lang), Bold),
		Str(Text{Ja: "内容", En: "Message"}.In(lang), Bold),
		Str(Text{Ja: "担当", En: "Member"}.In(lang), Bold),
	})
	for _, n := range notes {
		rows = append(rows, []Value{
			Str(Text{Ja: "照合", En: "note"}.In(lang), Bold), Str("reconciliation", 0), {}, Str(n, Wrap), {},
		})
	}
	for _, f := range fs {
		rows = append(rows, []Value{
			Str(SeverityText(f.Severity, lang), 0), Str(string(f.Code), 0), Str(f.Ref, 0),
			Str(f.Message.In(lang), Wrap), Str(f.Member, 0),
		})
	}
	for _, row := range rows {
		for c := range row {
			row[c].Style |= Ruled
		}
	}
	return Sheet{Name: tab, Rows: rows, Widths: []float64{8, 22, 18, 80, 14}, FrozenRows: 1, Lang: lang,
		Print: &PrintLayout{Landscape: true, HeaderFrom: 0, HeaderTo: 0}}
}
