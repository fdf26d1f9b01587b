package activity

import (
	"math"
	"strconv"
	"strings"
)

// Kind is the part of the official report a program belongs to: the
// specified non-profit activities (特定非営利活動に係る事業) or the other
// activities (その他の事業).
type Kind string

const (
	KindSpecified Kind = "特定非営利活動"
	KindOther     Kind = "その他"
)

// Cadence says how often a program's owners are expected to log it.
type Cadence string

const (
	// CadenceMonthly programs are logged every month, or marked 活動なし.
	CadenceMonthly Cadence = "毎月"
	// CadenceAdHoc programs are logged when something happens; no reminders.
	CadenceAdHoc Cadence = "随時"
	// CadenceEvent programs are events logged on their dates.
	CadenceEvent Cadence = "行事"
)

// Program is one line of the catalogue the report is built on: a category
// (code `1`), a program (`1-1`) or a sub-item (`2-2-1`), with the fixed
// description the report prints and the 決算額 the log must reconcile with.
type Program struct {
	Code        string
	Parts       []int
	Name        string
	Kind        Kind
	Description string
	Owners      []string
	Cadence     Cadence
	Budget      int64
	HasBudget   bool
	Settled     int64
	HasSettled  bool
	// Row is the zero-based row in the programs tab.
	Row int
	// Parent and Children link the tree; Parent is nil for a category.
	Parent   *Program
	Children []*Program
}

// Level is 1 for a category, 2 for a program, 3 for a sub-item.
func (p *Program) Level() int { return len(p.Parts) }

// Catalog is the programs tab: the tree of programs in sheet order.
type Catalog struct {
	Programs []*Program
	Roots    []*Program
	byCode   map[string]*Program
	byName   map[string]*Program
}

// ByCode finds a program by its canonical code (`1-1`).
func (c *Catalog) ByCode(code string) *Program { return c.byCode[code] }

// Resolve finds the program a member meant in a log's 事業 cell: its code
// (`1-1`), its name (`経営管理支援`), or both (`1-1 経営管理支援`,
// `①経営管理支援`).
func (c *Catalog) Resolve(cell Cell) *Program {
	if cell.Kind == CellNumber {
		if code, ok := codeFromNumber(cell.Num); ok {
			return c.byCode[code]
		}
		return nil
	}
	s := Fold(cell.Text)
	if s == "" {
		return nil
	}
	if code, ok := canonicalCode(s); ok {
		if p := c.byCode[code]; p != nil {
			return p
		}
	}
	if p := c.byName[nameKey(s)]; p != nil {
		return p
	}
	// A code followed by the name: "1-1 経営管理支援", "1-1:経営管理支援".
	if i := strings.IndexFunc(s, func(r rune) bool { return !(r >= '0' && r <= '9' || strings.ContainsRune(codeSeparators, r)) }); i > 0 {
		if code, ok := canonicalCode(strings.TrimRight(s[:i], codeSeparators)); ok {
			if p := c.byCode[code]; p != nil {
				return p
			}
		}
	}
	if p := c.byName[nameKey(stripOrdinal(s))]; p != nil {
		return p
	}
	return nil
}

const codeSeparators = "-._‐−ー―"

// canonicalCode turns `1-1`, `1.1`, `１－１` into `1-1`.
func canonicalCode(s string) (string, bool) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(codeSeparators, r) })
	if len(parts) == 0 || len(parts) > 6 {
		return "", false
	}
	for _, p := range parts {
		if n, err := strconv.Atoi(p); err != nil || n < 0 || len(p) > 4 {
			return "", false
		}
	}
	return strings.Join(parts, "-"), true
}

// codeFromNumber reads a code the spreadsheet turned into a number (1, 2.1).
func codeFromNumber(f float64) (string, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) || f <= 0 || f >= 1000 {
		return "", false
	}
	return canonicalCode(strconv.FormatFloat(f, 'f', -1, 64))
}

// stripOrdinal drops a leading ordinal marker: ①, (1), (i), ⑵, 1., ・.
func stripOrdinal(s string) string {
	s = strings.TrimSpace(s)
	for _, pair := range [][2]string{{"(", ")"}, {"（", "）"}} {
		if strings.HasPrefix(s, pair[0]) {
			if i := strings.Index(s, pair[1]); i > 0 && i <= 8 {
				return strings.TrimSpace(s[i+len(pair[1]):])
			}
		}
	}
	r := []rune(s)
	if len(r) > 1 && (r[0] >= '①' && r[0] <= '⑳' || r[0] >= '⑴' && r[0] <= '⒇' || r[0] >= 'Ⅰ' && r[0] <= 'ⅿ' || r[0] == '・') {
		return strings.TrimSpace(string(r[1:]))
	}
	return s
}

// nameKey normalises a name for matching: folded, without spaces.
func nameKey(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '\t' {
			return -1
		}
		return r
	}, Fold(s))
}
