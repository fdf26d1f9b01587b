// Package doctor is `katsudo doctor`: it checks, without changing
// anything, that the organisation's setup works — the config, the Google
// credentials and the spreadsheet's sharing, the tabs and their headers,
// and Slack's token, scopes, channel and members — and says each problem
// in the organisation's language with the fix a non-programmer can apply.
// The checks of each outside system come from its adapter (sync/sheets,
// sync/xlsx, bot); this package orders them and explains what they found.
package doctor
