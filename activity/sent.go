package activity

import (
	"sort"
	"strings"
	"time"
)

// SentRecord is one Slack message katsudo sent, as the 送信履歴 tab keeps
// it: when, what kind, for which period, to whom, where it landed
// (the Slack channel and the message's ts) and its idempotency key.
type SentRecord struct {
	Key       string
	Time      time.Time
	Kind      MessageKind
	Period    string
	Recipient string
	Channel   string
	TS        string
}

// SentLog is the record of what was sent — katsudo's memory between runs
// that keeps a reminder or a summary from going out twice.
type SentLog struct {
	Records []SentRecord
	keys    map[string]bool
}

// SentColumns are the columns of the 送信履歴 tab. Only the key is
// required; the rest are for the people reading the tab.
var SentColumns = []Column{
	{Key: "time", Ja: "送信日時", Aliases: []string{"sent at", "time", "日時"}},
	{Key: "kind", Ja: "種類", Aliases: []string{"kind"}},
	{Key: "period", Ja: "対象", Aliases: []string{"period", "対象月"}},
	{Key: "recipient", Ja: "宛先", Aliases: []string{"recipient", "to"}},
	{Key: "channel", Ja: "チャンネル", Aliases: []string{"channel"}},
	{Key: "ts", Ja: "ts", Aliases: []string{"slack ts", "timestamp"}},
	{Key: "key", Ja: "キー", Aliases: []string{"key", "idempotency key"}, Required: true},
}

// ReadSentLog reads the 送信履歴 tab. A blank or absent tab is an empty
// record. A tab whose キー column is gone gives a missing-column finding:
// katsudo then cannot tell what it sent and must send nothing.
func ReadSentLog(tab string, g Grid) (*SentLog, []Finding) {
	l := &SentLog{}
	blank := true
	for _, row := range g {
		if !rowBlank(row) {
			blank = false
			break
		}
	}
	if blank {
		return l, nil
	}
	t, fs := ReadTable(tab, g, SentColumns)
	if len(fs) > 0 {
		return l, fs
	}
	for _, r := range t.Rows {
		key := strings.TrimSpace(t.Cell(r, "key").String())
		if key == "" {
			continue
		}
		rec := SentRecord{
			Key: key, Kind: MessageKind(t.Cell(r, "kind").String()), Period: t.Cell(r, "period").String(),
			Recipient: t.Cell(r, "recipient").String(), Channel: t.Cell(r, "channel").String(), TS: t.Cell(r, "ts").String(),
		}
		if tm, err := time.Parse(time.RFC3339, strings.TrimSpace(t.Cell(r, "time").String())); err == nil {
			rec.Time = tm
		}
		l.Add(rec)
	}
	return l, nil
}

// Has reports whether a message with this key was sent. A nil log holds
// nothing.
func (l *SentLog) Has(key string) bool {
	return l != nil && l.keys[key]
}

// Add records a sent message; a key already recorded is kept as it was.
func (l *SentLog) Add(r SentRecord) {
	if l.keys == nil {
		l.keys = map[string]bool{}
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
			if r.Kind == kind && r.Period > best {
				best = r.Period
			}
		}
	}
	return best, best != ""
}

// Prune forgets the records sent before a moment, so that the tab does not
// grow for ever; keys that old are never due again. Records with no
// readable time are kept.
func (l *SentLog) Prune(before time.Time) {
	kept := l.Records[:0]
	for _, r := range l.Records {
		if r.Time.IsZero() || !r.Time.Before(before) {
			kept = append(kept, r)
			continue
		}
		delete(l.keys, r.Key)
	}
	l.Records = kept
}

// Sheet lays the record out as the 送信履歴 tab, oldest first, times in
// loc.
func (l *SentLog) Sheet(tab string, lang Lang, loc *time.Location) Sheet {
	recs := append([]SentRecord(nil), l.Records...)
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].Time.Before(recs[j].Time) })
	heads := []Text{
		{Ja: "送信日時", En: "Sent at"}, {Ja: "種類", En: "Kind"}, {Ja: "対象", En: "Period"}, {Ja: "宛先", En: "Recipient"},
		{Ja: "チャンネル", En: "Channel"}, {Ja: "ts", En: "ts"}, {Ja: "キー", En: "Key"},
	}
	rows := make([][]Value, 0, len(recs)+1)
	head := make([]Value, len(heads))
	for i, h := range heads {
		head[i] = Str(h.In(lang), Bold)
	}
	rows = append(rows, head)
	for _, r := range recs {
		when := ""
		if !r.Time.IsZero() {
			when = r.Time.In(loc).Format(time.RFC3339)
		}
		rows = append(rows, []Value{
			Str(when, 0), Str(string(r.Kind), 0), Str(r.Period, 0), Str(r.Recipient, 0),
			Str(r.Channel, 0), Str(r.TS, 0), Str(r.Key, 0),
		})
	}
	return Sheet{Name: tab, Rows: rows, Widths: []float64{26, 12, 10, 16, 14, 18, 48}, FrozenRows: 1}
}
