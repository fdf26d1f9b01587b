// Package retry is katsudo's one answer to an outside service that says
// "not now": Google Sheets and Slack both answer 429 when asked too fast
// and 500, 502, 503 or 504 when they are having a bad moment, and both
// sometimes do not answer at all. For katsudo's organisation that is
// weather, not a failure: the treasurer should not get a failed run
// because Google had a hiccup at 03:00. The Policy here waits such
// answers out — as long as the service asks (Retry-After), otherwise a
// growing pause with jitter — and gives up within a bounded total wait,
// so that a run that cannot succeed still ends and says why.
//
// What is not weather is reported at once: a refused key, a missing
// permission, a bad request. The adapters (sync/sheets, bot) say which is
// which with a Classifier; this package knows only HTTP and the network,
// imports only the standard library, and reads the clock only through the
// Policy's Now and Sleep, which tests replace.
package retry
