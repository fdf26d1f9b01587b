package activity

// memo remembers what a parser made of a text cell. A log repeats the same
// places, staff lists, beneficiaries and programs on many rows: rows with
// the same text share one parsed value (read-only), which saves both the
// parsing and the memory of a large log.
type memo[T any] struct {
	m map[string]memoEntry[T]
}

type memoEntry[T any] struct {
	v   T
	err error
}

// memoMax bounds a memo: a column of all-different values (descriptions)
// stops being remembered rather than growing without end.
const memoMax = 1 << 14

func (m *memo[T]) get(c Cell, parse func(Cell) (T, error)) (T, error) {
	if c.Kind != CellText {
		return parse(c)
	}
	if e, ok := m.m[c.Text]; ok {
		return e.v, e.err
	}
	v, err := parse(c)
	if m.m == nil {
		m.m = map[string]memoEntry[T]{}
	}
	if len(m.m) < memoMax {
		m.m[c.Text] = memoEntry[T]{v, err}
	}
	return v, err
}

// logReader reads the log's rows against the catalogue and the roster,
// remembering what it has parsed.
type logReader struct {
	t       *Table
	cat     *Catalog
	ro      *Roster
	program memo[*Program]
	members memo[string] // folded name; error when unknown
	staff   memo[Staff]
	bens    memo[[]Beneficiary]
	list    memo[[]string]
	places  memo[[]string]
	cols    *logCols
}

// logCols are the log's columns (-1 when absent), found once rather
// than by name on every row.
type logCols struct {
	member, status, date, program, description, place, staff int
	beneficiaries, beneficiary, expense, note                int
}

func (lr *logReader) columns() *logCols {
	if lr.cols == nil {
		t := lr.t
		lr.cols = &logCols{
			member: t.Col("member"), status: t.Col("status"), date: t.Col("date"), program: t.Col("program"),
			description: t.Col("description"), place: t.Col("place"), staff: t.Col("staff"),
			beneficiaries: t.Col("beneficiaries"), beneficiary: t.Col("beneficiary"), expense: t.Col("expense"), note: t.Col("note"),
		}
	}
	return lr.cols
}

func (lr *logReader) resolve(c Cell) *Program {
	p, _ := lr.program.get(c, func(c Cell) (*Program, error) { return lr.cat.Resolve(c), nil })
	return p
}

// errUnknownMember marks a 記入者 not on the members tab.
var errUnknownMember = unparsable("unknown member", "unknown member")

func (lr *logReader) member(c Cell) (string, bool) {
	name, err := lr.members.get(c, func(c Cell) (string, error) {
		name := Fold(c.String())
		if name == "" {
			return "", nil
		}
		m := lr.ro.Find(name)
		if m == nil {
			return name, errUnknownMember
		}
		return m.Name, nil // as the members tab writes it
	})
	return name, err == nil
}

func (lr *logReader) splitList(c Cell) []string {
	l, _ := lr.list.get(c, func(c Cell) ([]string, error) { return SplitList(c.String()), nil })
	return l
}

// splitPlaces reads a 場所 cell (see SplitPlaces).
func (lr *logReader) splitPlaces(c Cell) []string {
	l, _ := lr.places.get(c, func(c Cell) ([]string, error) { return SplitPlaces(c.String()), nil })
	return l
}

// parseStaff reads a 従事者 cell and writes each member's name as the
// members tab does, so that 山田 and 山田 太郎 count as one person.
func (lr *logReader) parseStaff(c Cell) (Staff, error) {
	s, err := ParseStaff(c)
	for i, n := range s.Names {
		if m := lr.ro.Find(n); m != nil {
			s.Names[i] = m.Name
		}
	}
	return s, err
}
