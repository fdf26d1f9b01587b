package activity

// Code names a kind of finding. Codes are stable: organisations filter and
// count them, and the チェック tab and `check --format json` print them.
type Code string

// The findings katsudo reports (SPEC §3).
const (
	CodeUnparsable           Code = "unparsable"
	CodeMissingField         Code = "missing-field"
	CodeUnknownProgram       Code = "unknown-program"
	CodeUnknownMember        Code = "unknown-member"
	CodeOutsideFiscalYear    Code = "outside-fiscal-year"
	CodeEraMismatch          Code = "era-mismatch"
	CodeUnitSuspect          Code = "unit-suspect"
	CodeCancelledWithExpense Code = "cancelled-with-expense"
	CodeDuplicateRow         Code = "duplicate-row"
	CodeSettledMismatch      Code = "settled-mismatch"
	CodeSubtotalMismatch     Code = "subtotal-mismatch"
	CodeOverBudget           Code = "over-budget"
	CodeMissingEntry         Code = "missing-entry"
	CodeMissingColumn        Code = "missing-column"
	CodePersonalData         Code = "personal-data"
	CodeNotPerformed         Code = "not-performed"
)

// Severity says whether a finding makes the report wrong (error) or only
// deserves a look (warning).
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Severity is the fixed severity of each code.
func (c Code) Severity() Severity {
	switch c {
	case CodeUnparsable, CodeMissingField, CodeUnknownProgram, CodeEraMismatch,
		CodeSettledMismatch, CodeSubtotalMismatch, CodeMissingColumn:
		return SeverityError
	}
	return SeverityWarning
}

// Finding is one thing in the spreadsheet that someone should look at: a
// cell that cannot be read, a total that does not reconcile, a month with no
// entry. Ref points at the cell or tab (活動ログ!J17); Member, when known, is
// the member who should fix it.
type Finding struct {
	Code     Code
	Severity Severity
	Ref      string
	Member   string
	Message  Text
	// Row is the zero-based log row the finding is about, or -1.
	Row int
}

// CellError says why a member's cell could not be read. Code is
// CodeUnparsable or CodeEraMismatch; Reason says what was found and what
// was expected, in both languages.
type CellError struct {
	Code   Code
	Reason Text
}

func (e *CellError) Error() string { return e.Reason.En }

// unparsable builds the usual CellError.
func unparsable(ja, en string) *CellError {
	return &CellError{Code: CodeUnparsable, Reason: Text{Ja: ja, En: en}}
}
