package activity

import "strings"

// Entry is one row of the activity log: what a member did, when, for which
// program, for whom and at what cost, as far as it could be read.
type Entry struct {
	// Row is the zero-based row in the log tab.
	Row         int
	Date        Date
	Program     *Program // nil when 事業 matches nothing in the catalogue
	Description string
	Places      []string
	Staff       Staff
	// Beneficiaries are the groups served; BeneficiaryNames the optional
	// 受益先 organisations, each counted once per program and year.
	Beneficiaries    []Beneficiary
	BeneficiaryNames []string
	Expense          Amount
	HasExpense       bool
	Status           Status
	// Postponed is set on a cancelled row whose 状態 says 延期 or 順延:
	// not done on its date, counted like a cancelled row, described as
	// postponed.
	Postponed bool
	Member    string
	Note      string
	// DateText and ProgramText are the 日付 and 事業 cells as the member
	// typed them, when they hold text, for messages that quote the row;
	// ExpenseText the 支出額 cell, when it is an estimate (約, 概算).
	DateText, ProgramText, ExpenseText string
	// Unread is set when the date, the amount or the status could not be
	// read: the row is left out of the sums and counted on the report's
	// 未集計 line.
	Unread bool
}

// Done reports whether the activity took place.
func (e *Entry) Done() bool { return e.Status == StatusDone }

// readEntry parses one log row, appending a finding for every cell that
// cannot be read or is missing. It never stops at the first problem.
func (lr *logReader) readEntry(r int, fs []Finding) (Entry, []Finding) {
	var e Entry
	fs = lr.readEntryTo(&e, r, fs)
	return e, fs
}

// readEntryTo is readEntry parsing into *e, which is zero: a million rows
// are read into their place in the dataset rather than copied there.
func (lr *logReader) readEntryTo(e *Entry, r int, fs []Finding) []Finding {
	t, col := lr.t, lr.columns()
	at := func(i int) Cell { return t.Grid.At(r, i) }
	e.Row = r
	var known bool
	e.Member, known = lr.member(at(col.member))
	add := func(code Code, key string, msg Text) {
		fs = append(fs, Finding{Code: code, Severity: code.Severity(), Ref: t.Ref(r, key), Member: e.Member, Row: r, Message: msg})
	}
	fail := func(err error, key string) {
		fs = append(fs, cellFinding(err, t.Ref(r, key), e.Member, r))
	}

	if c := at(col.status); !c.IsBlank() {
		s, err := ParseStatus(c)
		if err != nil {
			// Neither done nor cancelled for sure (実施予定?): left out of
			// the sums until the member says.
			e.Unread = true
			fail(err, "status")
		}
		e.Status = s
		e.Postponed = s == StatusCancelled && IsPostponed(c)
	}
	if c := at(col.date); c.Kind == CellText {
		e.DateText = c.Text
	}
	if c := at(col.program); c.Kind == CellText {
		e.ProgramText = c.Text
	}
	if c := at(col.date); c.IsBlank() {
		e.Unread = true
		add(CodeMissingField, "date", Text{Ja: "日付がありません", En: "the date is missing"})
	} else if d, err := ParseDate(c); err != nil {
		e.Unread = true
		fail(err, "date")
	} else {
		e.Date = d
	}
	if c := at(col.program); c.IsBlank() {
		add(CodeMissingField, "program", Text{Ja: "事業がありません（事業タブのコードか事業名を書いてください）", En: "the program is missing (write a code or name from the programs tab)"})
	} else if e.Program = lr.resolve(c); e.Program == nil {
		add(CodeUnknownProgram, "program", Text{
			Ja: "事業「" + quote(c.String()) + "」が事業タブにありません。コード（1-1）か事業名で書いてください",
			En: "program \"" + quote(c.String()) + "\" is not in the programs tab; write its code (1-1) or name",
		})
	} else if p := e.Program; len(p.Children) > 0 {
		// A heading (a category, or a program with sub-items) has no line
		// of its own in the report: its amount would be in its subtotal
		// and in none of the lines above it. Left out until the member
		// names the item.
		e.Program = nil
		add(CodeUnknownProgram, "program", Text{
			Ja: "事業「" + quote(c.String()) + "」は見出し（" + p.Code + " " + quote(p.Name) + "）で、報告書に行がありません。その下の " + childCodes(p) + " のどれかのコードか事業名を書いてください",
			En: "program \"" + quote(c.String()) + "\" is a heading (" + p.Code + " " + quote(p.Name) + ") with no line of its own in the report; write the code or name of one of " + childCodes(p),
		})
	}
	if e.Member == "" {
		add(CodeMissingField, "member", Text{Ja: "記入者がありません", En: "the member who logged the row is missing"})
	} else if !known {
		add(CodeUnknownMember, "member", Text{
			Ja: "記入者「" + quote(e.Member) + "」が会員タブにありません",
			En: "member \"" + quote(e.Member) + "\" is not in the members tab",
		})
	}
	e.Description = strings.TrimSpace(at(col.description).String())
	e.Places = lr.splitPlaces(at(col.place))
	if c := at(col.staff); !c.IsBlank() {
		s, err := lr.staff.get(c, lr.parseStaff)
		if err != nil {
			fail(err, "staff")
		}
		e.Staff = s
	}
	if c := at(col.beneficiaries); !c.IsBlank() {
		b, err := lr.bens.get(c, ParseBeneficiaries)
		if err != nil {
			fail(err, "beneficiaries")
		}
		e.Beneficiaries = b
	}
	e.BeneficiaryNames = lr.splitList(at(col.beneficiary))
	if c := at(col.expense); c.IsBlank() {
		if e.Status == StatusDone {
			add(CodeMissingField, "expense", Text{
				Ja: "支出額がありません（支出がなければ 0 と書いてください）",
				En: "the expense is missing (write 0 when nothing was spent)",
			})
		}
	} else if a, err := ParseAmount(c); err != nil {
		e.Unread = true
		fail(err, "expense")
	} else {
		e.Expense, e.HasExpense = a, true
		if a.Approx {
			e.ExpenseText = c.String()
		}
	}
	e.Note = strings.TrimSpace(at(col.note).String())
	return fs
}

// childCodes lists a heading's items: 1-1、1-2、1-3 (the first few).
func childCodes(p *Program) string {
	var codes []string
	for i, c := range p.Children {
		if i == 5 {
			codes = append(codes, "…")
			break
		}
		codes = append(codes, c.Code)
	}
	return strings.Join(codes, "、")
}
