// Package sync moves cell grids between the organisation's spreadsheet and
// katsudo's domain: it reads the tabs members fill in (活動ログ, メンバー, …)
// as activity.Grid values and writes the tabs katsudo produces (事業報告書,
// チェック) from activity.Sheet values.
//
// Workbook is the local-file adapter, for groups that keep the activity log
// in an .xlsx file in a shared folder instead of Google Sheets. It reads
// cells typed as the file stores them (a date is its serial number, a
// formula its last calculated value), so the domain sees the same thing
// whether the log lives in Excel, LibreOffice or Google Sheets. Writing
// replaces only katsudo's own tabs and replaces the file in one step, so the
// members' log is never damaged, even when the machine stops halfway.
//
// Errors are single lines that name the file and the tab, written for the
// member who has to fix the file: ErrNotWorkbook, ErrPasswordProtected and
// *TabNotFoundError can be told apart with errors.Is and errors.As.
//
// Spreadsheet is the Google Sheets adapter behind the same Read and Write:
// one values:batchGet to read, one batchUpdate to write, katsudo's tabs
// replaced whole or not at all, with backoff on 429 and 5xx and errors a
// volunteer can act on (share with this address, the ID is wrong, this tab
// is missing). sheetstest is a fake Google that speaks the same REST API.
//
// The package's name shadows the standard library's sync; files that need
// both import the standard one as stdsync.
package sync
