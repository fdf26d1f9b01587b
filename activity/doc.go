// Package activity is katsudo's domain: what a non-profit's members log, what
// the organisation must report, and the rules between the two.
//
// It reads the cell grids of the three input tabs (活動ログ, 事業, 会員) by
// header, parses what members type (full-width digits, 和暦, 約, 中止, 千円),
// checks the log against the catalogue and the accounts, and compiles the
// annual business report (事業報告書). It does no I/O and never reads the
// clock: the caller passes the grids, the fiscal year and the moment.
package activity
