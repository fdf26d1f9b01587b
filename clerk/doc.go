// Package clerk is katsudo's use case: one pass over the organisation's
// spreadsheet as the secretariat sees it — read the tabs members write,
// compile and check the year being filed, write the report and findings
// tabs, decide which Slack messages are due, and send each of them once,
// recording it in the 送信履歴 tab.
//
// Every command and every serve job goes through a Clerk: `check` and
// `report` through Check and Report (Compile, then the tabs written),
// `remind` and `summary` through SendTold and PreviewTold (Send,
// Preview), `run --dry-run` through DryRun, `run` and serve's jobs through
// Pass, `init` through SetUp, `demo` through Compile and Preview. What a
// command tells the person at the terminal is said here too (a
// Terminal), in the organisation's language, so that a test calls the use
// case without a command line. The clock is the caller's: each method takes the moment it acts
// at, so a test says "it is 10:00 on 1 December 2021" and nothing reads
// time.Now.
//
// Each message goes out once through an outbox in the 送信履歴 tab (see
// outbox): the run appends a claim for everything it means to send, sends
// what its own claim is the earliest live one for, and appends the
// confirmations; Slack's history is searched only to settle what is
// unknown. Every command that sends holds cmd/katsudo's lock; the outbox
// is what keeps two machines from sending the same message.
//
// Rows members log from Slack come in through a Desk (Clerk.Desk): it
// checks them against the spreadsheet as it is and appends each to the
// activity log once, through the same 送信履歴 outbox.
// Inside serve, a SlackIntake takes those requests only while serve
// holds the lock.
//
// A Clerk needs two things from the outside world, stated here as small
// interfaces and wired in by cmd/katsudo: a Book (the Google spreadsheet or
// a local workbook: read tabs, write whole tabs, and, as an Appender, add
// rows at the end of one) and a Messenger (Slack).
// It never logs a member's cell, a message's text or a secret.
package clerk
