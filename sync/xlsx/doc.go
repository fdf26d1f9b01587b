// Package xlsx is the local-workbook side of the spreadsheet, for groups
// that keep the activity log in an .xlsx file in a shared folder instead
// of Google Sheets. It reads the tabs members fill in (活動ログ, メンバー, …)
// as activity.Grid values and writes the tabs katsudo produces (事業報告書,
// チェック) from activity.Sheet values.
//
// Workbook reads cells typed as the file stores them (a date is its serial
// number, a formula its last calculated value), so the domain sees the same
// thing whether the log lives in Excel, LibreOffice or Google Sheets.
// Writing replaces only katsudo's own tabs and replaces the file in one
// step, so the members' log is never damaged, even when the machine stops
// halfway.
//
// Errors are single lines that name the file and the tab, written for the
// member who has to fix the file: ErrNotWorkbook, ErrPasswordProtected and
// *activity.TabNotFoundError can be told apart with errors.Is and errors.As.
package xlsx
