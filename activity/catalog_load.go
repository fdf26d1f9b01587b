package activity

import (
	"sort"
	"strings"
)

// loadCatalog reads the programs tab into the tree. A bad cell is a
// finding; the program is kept with what could be read.
func loadCatalog(t *Table) (*Catalog, []Finding) {
	c := &Catalog{byCode: map[string]*Program{}, byName: map[string]*Program{}}
	var fs []Finding
	bad := func(row int, key string, why Text) {
		fs = append(fs, Finding{Code: CodeUnparsable, Severity: SeverityError, Ref: t.Ref(row, key), Row: -1, Message: why})
	}
	for _, r := range t.Rows {
		codeCell := t.Cell(r, "code")
		var code string
		var ok bool
		if codeCell.Kind == CellNumber {
			code, ok = codeFromNumber(codeCell.Num)
		} else {
			code, ok = canonicalCode(Fold(codeCell.Text))
		}
		if !ok {
			bad(r, "code", Text{
				Ja: "コード「" + quote(codeCell.String()) + "」を読めません。1、1-1、2-2-1 のように書いてください（日付に変わってしまう場合はセルの書式をテキストにしてください）",
				En: "cannot read the code \"" + quote(codeCell.String()) + "\"; write it like 1, 1-1 or 2-2-1 (if the sheet turns it into a date, format the column as text)",
			})
			continue
		}
		if prev := c.byCode[code]; prev != nil {
			bad(r, "code", Text{
				Ja: "コード " + code + " が " + itoa(prev.Row+1) + " 行目と重複しています",
				En: "code " + code + " is also on row " + itoa(prev.Row+1),
			})
			continue
		}
		p := &Program{Code: code, Row: r, Name: Fold(t.Cell(r, "name").String()), Description: strings.TrimSpace(t.Cell(r, "description").String())}
		for _, s := range strings.Split(code, "-") {
			p.Parts = append(p.Parts, atoiSafe(s))
		}
		if p.Name == "" {
			fs = append(fs, Finding{Code: CodeMissingField, Severity: SeverityError, Ref: t.Ref(r, "name"), Row: -1,
				Message: Text{Ja: "事業 " + code + " に事業名がありません", En: "program " + code + " has no name"}})
		}
		switch k := nameKey(t.Cell(r, "kind").String()); {
		case k == "":
		case strings.HasPrefix(k, "特定") || strings.EqualFold(k, "specified"):
			p.Kind = KindSpecified
		case strings.HasPrefix(k, "その他") || strings.EqualFold(k, "other"):
			p.Kind = KindOther
		default:
			bad(r, "kind", Text{
				Ja: "区分「" + quote(k) + "」を読めません。「特定非営利活動」か「その他」にしてください",
				En: "cannot read the kind \"" + quote(k) + "\"; use 特定非営利活動 (specified) or その他 (other)",
			})
		}
		switch k := strings.ToLower(nameKey(t.Cell(r, "cadence").String())); k {
		case "":
			p.Cadence = CadenceAdHoc
		case "毎月", "monthly", "月次":
			p.Cadence = CadenceMonthly
		case "随時", "adhoc", "ad-hoc", "不定期":
			p.Cadence = CadenceAdHoc
		case "行事", "event", "events", "イベント":
			p.Cadence = CadenceEvent
		default:
			p.Cadence = CadenceAdHoc
			bad(r, "cadence", Text{
				Ja: "頻度「" + quote(k) + "」を読めません。「毎月」「随時」「行事」のどれかにしてください",
				En: "cannot read the cadence \"" + quote(k) + "\"; use 毎月 (monthly), 随時 (ad hoc) or 行事 (event)",
			})
		}
		p.Owners = SplitList(t.Cell(r, "owners").String())
		for _, f := range []struct {
			key string
			v   *int64
			has *bool
		}{{"budget", &p.Budget, &p.HasBudget}, {"settled", &p.Settled, &p.HasSettled}} {
			cell := t.Cell(r, f.key)
			if cell.IsBlank() {
				continue
			}
			a, err := ParseAmount(cell)
			if err != nil {
				fs = append(fs, cellFinding(err, t.Ref(r, f.key), "", -1))
				continue
			}
			*f.v, *f.has = a.Yen, true
		}
		c.byCode[code] = p
		if k := nameKey(p.Name); k != "" && c.byName[k] == nil {
			c.byName[k] = p
		}
		c.Programs = append(c.Programs, p)
	}
	// Link the tree: the parent is the nearest listed ancestor.
	for _, p := range c.Programs {
		parts := strings.Split(p.Code, "-")
		for n := len(parts) - 1; n > 0 && p.Parent == nil; n-- {
			p.Parent = c.byCode[strings.Join(parts[:n], "-")]
		}
		if p.Parent == nil {
			if len(parts) > 1 {
				fs = append(fs, Finding{Code: CodeUnknownProgram, Severity: SeverityError, Ref: t.Ref(p.Row, "code"), Row: -1,
					Message: Text{
						Ja: "事業 " + p.Code + " の上位の事業 " + strings.Join(parts[:len(parts)-1], "-") + " が事業タブにありません",
						En: "program " + p.Code + " has no parent " + strings.Join(parts[:len(parts)-1], "-") + " in the programs tab",
					}})
			}
			c.Roots = append(c.Roots, p)
			continue
		}
		p.Parent.Children = append(p.Parent.Children, p)
	}
	// The category decides the kind for its whole tree: the official
	// report has two parts and a category sits in one of them. The
	// default is 特定非営利活動.
	var inherit func(p *Program, k Kind)
	inherit = func(p *Program, k Kind) {
		p.Kind = k
		for _, ch := range p.Children {
			inherit(ch, k)
		}
	}
	for _, r := range c.Roots {
		if r.Kind == "" {
			r.Kind = KindSpecified
		}
		inherit(r, r.Kind)
	}
	// Report order: by code, numerically, whatever the sheet order.
	sortTree(c.Roots)
	c.Programs = c.Programs[:0]
	var walk func(ps []*Program)
	walk = func(ps []*Program) {
		for _, p := range ps {
			c.Programs = append(c.Programs, p)
			walk(p.Children)
		}
	}
	walk(c.Roots)
	return c, fs
}

func sortTree(ps []*Program) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Parts, ps[j].Parts
		for k := 0; k < len(a) && k < len(b); k++ {
			if a[k] != b[k] {
				return a[k] < b[k]
			}
		}
		return len(a) < len(b)
	})
	for _, p := range ps {
		sortTree(p.Children)
	}
}

func atoiSafe(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' || n > 1e6 {
			return n
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// quote shortens a member's text for a message: at most 40 characters.
func quote(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return string(r)
}

// cellFinding turns a parser's error into a finding at ref.
func cellFinding(err error, ref, member string, row int) Finding {
	ce, ok := err.(*CellError)
	if !ok {
		ce = unparsable(err.Error(), err.Error())
	}
	return Finding{Code: ce.Code, Severity: ce.Code.Severity(), Ref: ref, Member: member, Row: row, Message: ce.Reason}
}
