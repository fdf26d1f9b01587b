// Package sheets is the Google Sheets side of the spreadsheet, behind the
// same Read and Write as the local workbook (package xlsx): one
// values:batchGet to read, one batchUpdate to write, katsudo's tabs
// replaced whole or not at all, with backoff on 429 and 5xx and errors a
// volunteer can act on (share with this address, the ID is wrong, this tab
// is missing). A missing tab is an *activity.TabNotFoundError.
// sync/sheetstest is a fake Google that speaks the same REST API.
package sheets
