// Package bot is katsudo's Slack side: it renders the messages the domain
// says are due (activity.Due) as Block Kit, and sends each exactly once —
// DMs through a bot token, channel messages through the bot token or an
// incoming webhook — honouring Slack's rate limits.
//
// It also takes members' requests (Intake): the /katsudo command, the
// 活動を記録 shortcut, the 「記入する」 and 「活動なし」 buttons, the form
// (a modal) and the App Home, over Socket Mode or HTTP. Each request is
// acknowledged within Slack's 3 seconds from what needs no I/O; the
// spreadsheet is read and written afterwards, through the Desk the use
// case provides.
//
// Exactly once rests on three things. Every message carries an
// idempotency key (kind/period/recipient/day), which also travels with it
// as Slack message metadata. Before sending, the Store — the 送信履歴 tab,
// read and written by the caller — is asked whether the key was recorded.
// With a bot token, the conversation's recent history is searched for the
// key as well, so a message sent just before a crash, and never recorded,
// is recorded now instead of being sent again.
//
// Nothing here logs a token, a message's text or a spreadsheet cell: logs
// carry the kind, the period and counts. Members' names leave the package
// only in the messages themselves and in what Deliver hands back — the
// records for the 送信履歴 tab and the Problems that tell the person
// running katsudo what to fix.
package bot
