package xlsx

import "errors"

// ErrNotWorkbook means the file katsudo was pointed at is not an Excel
// workbook (.xlsx): a CSV or text file renamed to .xlsx, an empty or
// half-copied file, an old .xls, or a LibreOffice .ods. The member has to
// save the activity log again as "Excel Workbook (.xlsx)".
var ErrNotWorkbook = errors.New("not an .xlsx workbook")

// ErrPasswordProtected means the workbook is encrypted with a password.
// katsudo never asks for passwords, so the organisation has to keep the
// activity log workbook unencrypted (protect the folder instead).
var ErrPasswordProtected = errors.New("the workbook is password-protected; save it without a password")

// problem is an error whose message is written for the member while
// errors.Is still finds the cause (ErrNotWorkbook, fs.ErrNotExist, …).
type problem struct {
	msg   string
	cause error
}

func (p *problem) Error() string { return p.msg }
func (p *problem) Unwrap() error { return p.cause }

func newProblem(cause error, msg string) error { return &problem{msg: msg, cause: cause} }

// ErrStrict means the workbook is saved as Strict Open XML. katsudo reads
// it, but does not write its tabs into it: they would be parts of the
// other, transitional kind, which Excel may refuse to open in a Strict
// file. The member saves it again as "Excel Workbook (.xlsx)". Rows
// members send through Slack are still appended to the log, which keeps
// the sheet's own namespace.
var ErrStrict = errors.New("the workbook is saved as Strict Open XML")
