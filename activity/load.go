package activity

// Tabs names the spreadsheet's tabs; the defaults are the template's
// Japanese names, and organisations may rename them in the config.
type Tabs struct {
	Log, Programs, Members, Report, Findings, Sent string
}

// DefaultTabs are the names `katsudo init` creates.
var DefaultTabs = Tabs{Log: "活動ログ", Programs: "事業", Members: "会員", Report: "事業報告書", Findings: "チェック", Sent: "送信履歴"}

// Input is what katsudo reads from the spreadsheet: the grids of the
// three tabs members write.
type Input struct {
	Tabs                   Tabs
	Log, Programs, Members Grid
}

// Dataset is the spreadsheet read into the domain: the log's entries, the
// catalogue of programs, the members, and every finding met while reading.
type Dataset struct {
	Tabs     Tabs
	Entries  []Entry
	Catalog  *Catalog
	Roster   *Roster
	Findings []Finding
	// MissingColumns is set when a required header is missing: the
	// findings are reported, and nothing is written.
	MissingColumns bool
	// The tabs as read, for cell references. The log's Grid is released
	// once its entries are read.
	Log, ProgramTab, MemberTab *Table
}

// Load reads the three tabs by header and parses every row. It never
// fails: what cannot be read becomes a finding with its cell reference.
func Load(in Input) *Dataset { return load(in, loadParts) }

// load is Load reading the log in parts(rows) parts at once.
func load(in Input, parts func(rows int) int) *Dataset {
	d := &Dataset{Tabs: in.Tabs}
	logT, f1 := ReadTable(in.Tabs.Log, in.Log, LogColumns)
	progT, f2 := ReadTable(in.Tabs.Programs, in.Programs, ProgramColumns)
	memT, f3 := ReadTable(in.Tabs.Members, in.Members, MemberColumns)
	d.Findings = append(append(append(d.Findings, f1...), f2...), f3...)
	d.MissingColumns = len(d.Findings) > 0
	d.Log, d.ProgramTab, d.MemberTab = logT, progT, memT

	var fs []Finding
	d.Catalog, fs = loadCatalog(progT)
	d.Findings = append(d.Findings, fs...)
	d.Roster, fs = loadRoster(memT)
	d.Findings = append(d.Findings, fs...)
	for _, r := range progT.Rows {
		d.Findings = longCells(progT, r, "", d.Findings)
	}
	for _, p := range d.Catalog.Programs {
		for _, o := range p.Owners {
			if d.Roster.Find(o) == nil {
				d.Findings = append(d.Findings, Finding{
					Code: CodeUnknownMember, Severity: SeverityWarning, Ref: progT.Ref(p.Row, "owners"), Member: o, Row: -1,
					Message: Text{
						Ja: "事業 " + p.Code + " の担当「" + quote(o) + "」が会員タブにありません",
						En: "owner \"" + quote(o) + "\" of program " + p.Code + " is not in the members tab",
					},
				})
			}
		}
	}

	d.Entries = make([]Entry, len(logT.Rows))
	d.Findings = readEntries(logT, d.Catalog, d.Roster, d.Entries, d.Findings, parts(len(logT.Rows)))
	// The entries hold what the rest needs; letting go of the log's cells
	// frees most of the memory a large log takes (a million rows: ~350 MB).
	logT.Grid = nil
	return d
}
