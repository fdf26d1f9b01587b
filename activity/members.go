package activity

import (
	"strings"
	"unicode"
)

// Member is a person on the members tab: the name they are known by in the
// log, how Slack reaches them, and whether they still get reminders.
type Member struct {
	Name   string
	Slack  string
	Active bool
	Row    int
}

// Roster is the members tab, looked up by name (width-folded, spaces ignored).
type Roster struct {
	Members   []*Member
	byName    map[string]*Member
	bySurname map[string][]*Member
}

// Find returns the member with that name, or nil. A courtesy title
// (山田さん, 山田様, 山田氏) is not part of the name.
func (r *Roster) Find(name string) *Member {
	if r == nil {
		return nil
	}
	k := nameKey(name)
	for _, title := range []string{"", "さん", "様", "氏"} {
		base, ok := strings.CutSuffix(k, title)
		if !ok || base == "" {
			continue
		}
		if m := r.byName[base]; m != nil {
			return m
		}
		// The family name alone (山田 for 山田 太郎, 高橋 for 高橋美咲),
		// when only one member can be meant.
		if m := r.bySurnameOnly(base); m != nil {
			return m
		}
	}
	return nil
}

// bySurnameOnly returns the one member whose family name may be k, or nil
// when none or several may be.
func (r *Roster) bySurnameOnly(k string) *Member {
	ms := r.bySurname[k]
	if len(ms) == 0 {
		return nil
	}
	for _, m := range ms[1:] {
		if m != ms[0] {
			return nil
		}
	}
	return ms[0]
}

// surnames are what may be the family name of a member's name: the part
// before the space of a name written with one (山田 太郎); for a Japanese
// name written without one (高橋美咲), where the family name ends is not
// written, so each of its first one to three characters that leaves a
// given name of at least one (高, 高橋, 高橋美). A family name then finds
// the member only when no other member's name can start with it: 高橋
// finds 高橋美咲 unless 高橋 健 or 高橋進 is also a member.
func surnames(name string) []string {
	if f := strings.Fields(Fold(name)); len(f) > 1 {
		return []string{nameKey(f[0])}
	}
	k := []rune(nameKey(name))
	for _, r := range k {
		if !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			return nil
		}
	}
	var out []string
	for n := 1; n <= 3 && n < len(k); n++ {
		out = append(out, string(k[:n]))
	}
	return out
}

func loadRoster(t *Table) (*Roster, []Finding) {
	ro := &Roster{byName: map[string]*Member{}, bySurname: map[string][]*Member{}}
	var fs []Finding
	for _, r := range t.Rows {
		m := &Member{Name: Fold(t.Cell(r, "name").String()), Slack: Fold(t.Cell(r, "slack").String()), Active: true, Row: r}
		if m.Name == "" {
			continue // a row with only a Slack ID or a note is not a member
		}
		cell := t.Cell(r, "active")
		switch k := strings.ToLower(nameKey(cell.String())); {
		case cell.Kind == CellBool:
			m.Active = cell.Bool
		case k == "", k == "true", k == "在籍", k == "有効", k == "yes", k == "active", k == "○", k == "〇", k == "はい":
		case k == "false", k == "退会", k == "休会", k == "no", k == "inactive", k == "×", k == "いいえ", k == "無効":
			m.Active = false
		default:
			fs = append(fs, Finding{Code: CodeUnparsable, Severity: SeverityError, Ref: t.Ref(r, "active"), Row: -1,
				Message: Text{
					Ja: "在籍「" + quote(cell.String()) + "」を読めません。空欄・在籍・TRUE、または退会・休会・FALSE にしてください（在籍として扱います）",
					En: "cannot read active \"" + quote(cell.String()) + "\"; use empty/在籍/TRUE or 退会/休会/FALSE (treated as active)",
				}})
		}
		if ro.byName[nameKey(m.Name)] == nil {
			ro.byName[nameKey(m.Name)] = m
			for _, s := range surnames(m.Name) {
				ro.bySurname[s] = append(ro.bySurname[s], m)
			}
		}
		ro.Members = append(ro.Members, m)
	}
	return ro, fs
}
