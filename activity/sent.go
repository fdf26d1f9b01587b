package activity

import (
	"sort"
	"strings"
	"time"
)

// SentState is what a row of the 送信履歴 tab says about its message:
// sent (confirmed, with Slack's ts when Slack gave one), or claimed — a
// run has said it is about to send it, and until its lease runs out no
// other run may. Rows written before claims existed have no state and
// are sent.
type SentState string

const (
	// StateSent is a message Slack accepted.
	StateSent SentState = "sent"
	// StateClaimed is a message a run is about to send.
	StateClaimed SentState = "claimed"
	// StateReleased withdraws the same run's claim: the run stopped
	// before it tried to send the message, so a later run sends it
	// without searching Slack for it first.
	StateReleased SentState = "released"
)

// SentRecord is one row of the 送信履歴 tab: a Slack message katsudo sent
// or is about to send — when, what kind, for which period, to whom, where
// it landed (the Slack channel and the message's ts), its idempotency key,
// and, for a claim, the run that made it, until when it holds, and the
// katsudo (machine and lock) that ran it.
type SentRecord struct {
	Key       string
	Time      time.Time
	Kind      MessageKind
	Period    string
	Recipient string
	Channel   string
	TS        string
	State     SentState
	Run       string
	Lease     time.Time
	Holder    string
}

// Sent reports whether the record is of a message Slack accepted.
func (r SentRecord) Sent() bool { return r.State == "" || r.State == StateSent }

// SentLog is the record of what was sent and what runs are sending —
// katsudo's memory between runs that keeps a reminder or a summary from
// going out twice.
type SentLog struct {
	// Records are the tab's rows in order, claims included.
	Records []SentRecord
	keys    map[string]bool
	claims  map[string][]SentRecord
}

// SentColumns are the columns of the 送信履歴 tab. Only the key is
// required; a tab from before claims existed lacks the last four, and its
// rows are sent messages.
var SentColumns = []Column{
	{Key: "time", Ja: "送信日時", Aliases: []string{"sent at", "time", "日時"}},
	{Key: "kind", Ja: "種類", Aliases: []string{"kind"}},
	{Key: "period", Ja: "対象", Aliases: []string{"period", "対象月"}},
	{Key: "recipient", Ja: "宛先", Aliases: []string{"recipient", "to"}},
	{Key: "channel", Ja: "チャンネル", Aliases: []string{"channel"}},
	{Key: "ts", Ja: "ts", Aliases: []string{"slack ts", "timestamp"}},
	{Key: "key", Ja: "キー", Aliases: []string{"key", "idempotency key"}, Required: true},
	{Key: "state", Ja: "状態", Aliases: []string{"state"}},
	{Key: "run", Ja: "実行", Aliases: []string{"run"}},
	{Key: "lease", Ja: "予約期限", Aliases: []string{"lease", "claimed until"}},
	{Key: "holder", Ja: "実行元", Aliases: []string{"holder"}},
}

// sentHeads are the headers katsudo writes, in SentColumns' order.
var sentHeads = []Text{
	{Ja: "送信日時", En: "Sent at"}, {Ja: "種類", En: "Kind"}, {Ja: "対象", En: "Period"}, {Ja: "宛先", En: "Recipient"},
	{Ja: "チャンネル", En: "Channel"}, {Ja: "ts", En: "ts"}, {Ja: "キー", En: "Key"},
	{Ja: "状態", En: "State"}, {Ja: "実行", En: "Run"}, {Ja: "予約期限", En: "Claimed until"}, {Ja: "実行元", En: "Holder"},
}

// ReadSentLog reads the 送信履歴 tab. A blank or absent tab is an empty
// record. A tab whose キー column is gone gives a missing-column finding:
// katsudo then cannot tell what it sent and must send nothing.
func ReadSentLog(tab string, g Grid) (*SentLog, []Finding) {
	l, _, fs := ReadSentTable(tab, g)
	return l, fs
}

// ReadSentTable is ReadSentLog that also returns the tab as a table (nil
// for a blank tab), for appending rows in its own column order.
func ReadSentTable(tab string, g Grid) (*SentLog, *Table, []Finding) {
	l := &SentLog{}
	blank := true
	for _, row := range g {
		if !rowBlank(row) {
			blank = false
			break
		}
	}
	if blank {
		return l, nil, nil
	}
	t, fs := ReadTable(tab, g, SentColumns)
	if len(fs) > 0 {
		return l, nil, fs
	}
	for _, r := range t.Rows {
		key := strings.TrimSpace(t.Cell(r, "key").String())
		if key == "" {
			continue
		}
		rec := SentRecord{
			Key: key, Kind: MessageKind(t.Cell(r, "kind").String()), Period: t.Cell(r, "period").String(),
			Recipient: t.Cell(r, "recipient").String(), Channel: t.Cell(r, "channel").String(), TS: t.Cell(r, "ts").String(),
			State: SentState(strings.TrimSpace(t.Cell(r, "state").String())), Run: strings.TrimSpace(t.Cell(r, "run").String()),
			Holder: strings.TrimSpace(t.Cell(r, "holder").String()),
		}
		rec.Time = parseSentTime(t.Cell(r, "time").String())
		rec.Lease = parseSentTime(t.Cell(r, "lease").String())
		l.Add(rec)
	}
	return l, t, nil
}

func parseSentTime(s string) time.Time {
	tm, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}
	}
	return tm
}

// Has reports whether a message with this key was sent. A nil log holds
// nothing.
func (l *SentLog) Has(key string) bool {
	return l != nil && l.keys[key]
}

// Claims are the claims on a key, in the order they were written.
func (l *SentLog) Claims(key string) []SentRecord {
	if l == nil {
		return nil
	}
	return l.claims[key]
}

// Add adds a row: a sent message (a key already recorded as sent is kept
// as it was) or a claim.
func (l *SentLog) Add(r SentRecord) {
	if l.keys == nil {
		l.keys = map[string]bool{}
		l.claims = map[string][]SentRecord{}
	}
	if r.State == StateReleased {
		kept := l.claims[r.Key][:0]
		for _, c := range l.claims[r.Key] {
			if c.Run != r.Run {
				kept = append(kept, c)
			}
		}
		l.claims[r.Key] = kept
		l.Records = append(l.Records, r)
		return
	}
	if !r.Sent() {
		l.claims[r.Key] = append(l.claims[r.Key], r)
		l.Records = append(l.Records, r)
		return
	}
	if l.keys[r.Key] {
		return
	}
	l.keys[r.Key] = true
	l.Records = append(l.Records, r)
}

// LatestPeriod is the latest period for which a message of this kind was
// sent (2021-11), and whether there is one.
func (l *SentLog) LatestPeriod(kind MessageKind) (string, bool) {
	best := ""
	if l != nil {
		for _, r := range l.Records {
			if r.Sent() && r.Kind == kind && r.Period > best {
				best = r.Period
			}
		}
	}
	return best, best != ""
}

// Oldest is the time of the oldest row with a readable time.
func (l *SentLog) Oldest() time.Time {
	var t time.Time
	for _, r := range l.Records {
		if !r.Time.IsZero() && (t.IsZero() || r.Time.Before(t)) {
			t = r.Time
		}
	}
	return t
}

// Prune forgets the rows written before a moment, so that the tab does
// not grow for ever; keys that old are never due again. Rows with no
// readable time are kept.
func (l *SentLog) Prune(before time.Time) {
	kept := l.Records[:0]
	l.keys, l.claims = nil, nil
	var all []SentRecord
	for _, r := range l.Records {
		if r.Time.IsZero() || !r.Time.Before(before) {
			all = append(all, r)
		}
	}
	l.Records = kept
	for _, r := range all {
		l.Add(r)
	}
}

// SentRow is a record as a row of the 送信履歴 tab, by column key, times
// in loc.
func SentRow(r SentRecord, loc *time.Location) map[string]Value {
	when := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(loc).Format(time.RFC3339)
	}
	return map[string]Value{
		"time": Str(when(r.Time), 0), "kind": Str(string(r.Kind), 0), "period": Str(r.Period, 0),
		"recipient": Str(r.Recipient, 0), "channel": Str(r.Channel, 0), "ts": Str(r.TS, 0), "key": Str(r.Key, 0),
		"state": Str(string(r.State), 0), "run": Str(r.Run, 0), "lease": Str(when(r.Lease), 0), "holder": Str(r.Holder, 0),
	}
}

// Sheet lays the record out as the 送信履歴 tab, in the order the rows
// were written, times in loc.
func (l *SentLog) Sheet(tab string, lang Lang, loc *time.Location) Sheet {
	recs := append([]SentRecord(nil), l.Records...)
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].Time.Before(recs[j].Time) })
	rows := make([][]Value, 0, len(recs)+1)
	head := make([]Value, len(sentHeads))
	for i, h := range sentHeads {
		head[i] = Str(h.In(lang), Bold)
	}
	rows = append(rows, head)
	for _, r := range recs {
		m := SentRow(r, loc)
		row := make([]Value, len(SentColumns))
		for i, c := range SentColumns {
			row[i] = m[c.Key]
		}
		rows = append(rows, row)
	}
	return Sheet{Name: tab, Rows: rows, Widths: []float64{26, 12, 10, 16, 14, 18, 48, 8, 18, 26, 24}, FrozenRows: 1}
}
