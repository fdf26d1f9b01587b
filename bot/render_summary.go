package bot

import (
	"strconv"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
)

func renderSummary(d *doc, m activity.Message, st Style) {
	s := m.Summary
	month := activity.FormatMonth(s.Month, st.Lang)
	yen := func(n int64) string { return activity.FormatYen(n, st.Lang) }
	d.header = st.t("📊 "+month+"の活動まとめ", "📊 Activity summary: "+month)
	d.text = st.t(month+"の活動 "+strconv.Itoa(s.Done)+"件・支出 "+yen(s.ExpenseYen),
		month+": "+plural(s.Done, "activity", "activities")+", "+yen(s.ExpenseYen)+" spent")
	head := st.t("活動 *"+strconv.Itoa(s.Done)+"件*", "*"+plural(s.Done, "activity", "activities")+"*")
	if off := calledOff(s.Cancelled, s.Postponed, st); off != "" {
		head += st.t("（"+off+"）", " ("+off+")")
	}
	head += st.t("・支出 *", " · spent *") + yen(s.ExpenseYen) + "*"
	if s.Unread > 0 {
		head += st.t("・未集計 "+strconv.Itoa(s.Unread)+"行", " · "+plural(s.Unread, "row", "rows")+" not counted")
	}
	d.section(head)
	if len(s.Programs) == 0 {
		d.section(st.t("この月の活動の記録はありません。", "No activity was logged for this month."))
	}
	var lines []string
	for _, p := range s.Programs {
		facts := []string{st.t("活動 "+strconv.Itoa(p.Done)+"件", plural(p.Done, "activity", "activities"))}
		if off := calledOff(p.Cancelled, p.Postponed, st); off != "" {
			facts = append(facts, off)
		}
		if p.Staff > 0 {
			facts = append(facts, st.ja("従事者 ")+activity.FormatStaff(p.Staff, st.Lang))
		}
		if b := activity.FormatBeneficiaries(p.Beneficiaries, st.Lang); b != "" {
			facts = append(facts, st.t("受益 ", "for ")+Escape(b))
		}
		facts = append(facts, st.t("支出 ", "spent ")+yen(p.ExpenseYen))
		lines = append(lines, "*"+Escape(p.Program.Code+" "+p.Program.Name)+"*", strings.Join(facts, st.t("・", " · ")))
	}
	d.section(lines...)
	d.divider()
	ytd := []string{st.t(
		"*"+s.FiscalYear.String()+"年度の支出*（"+activity.FormatMonth(s.FiscalYear.Start(), st.Lang)+"〜"+month+"）",
		"*FY"+s.FiscalYear.String()+" spending* ("+activity.FormatMonth(s.FiscalYear.Start(), st.Lang)+"–"+month+")",
	)}
	spent := yen(s.YearExpenseYen)
	if s.HasBudget && s.YearBudgetYen > 0 {
		pct := strconv.FormatInt(s.YearExpenseYen*100/s.YearBudgetYen, 10)
		spent += st.t(" ／ 予算 "+yen(s.YearBudgetYen)+"（"+pct+"%）", " of a "+yen(s.YearBudgetYen)+" budget ("+pct+"%)")
	}
	ytd = append(ytd, spent)
	for _, b := range s.OverBudget {
		ytd = append(ytd, "⚠️ "+Escape(b.Program.Code+" "+b.Program.Name)+st.t("：", ": ")+yen(b.ExpenseYen)+
			st.t("（予算 "+yen(b.BudgetYen)+" を超えています）", " (over its "+yen(b.BudgetYen)+" budget)"))
	}
	d.section(ytd...)
	d.section(findingLines(s.Errors, s.Warnings, s.Worst, st)...)
	d.context(st.link(st.Tabs.Report, st.t(st.Tabs.Report+" タブを開く", "Open the "+st.Tabs.Report+" tab")) + " · " +
		st.link(st.Tabs.Findings, st.t(st.Tabs.Findings+" タブ", "the "+st.Tabs.Findings+" tab")))
}

// findingLines are the findings count and the worst few, each linked to
// its cell.
func findingLines(errs, warns int, worst []activity.Finding, st Style) []string {
	lines := []string{st.t(
		"*チェック*：エラー "+strconv.Itoa(errs)+"件・注意 "+strconv.Itoa(warns)+"件",
		"*Checks*: "+plural(errs, "error", "errors")+", "+plural(warns, "warning", "warnings"),
	)}
	for _, f := range worst {
		lines = append(lines, "• "+st.link(f.Ref, f.Ref)+" "+Escape(f.Message.In(st.Lang)))
	}
	if more := moreFindings(errs, warns, worst, st); more != "" {
		lines = append(lines, more)
	}
	return lines
}

// moreFindings says how many findings the message does not list, and
// where they are: the findings tab, linked. "" when every one is listed.
func moreFindings(errs, warns int, shown []activity.Finding, st Style) string {
	for _, f := range shown {
		if f.Severity == activity.SeverityError {
			errs--
		} else {
			warns--
		}
	}
	errs, warns = max(errs, 0), max(warns, 0)
	if errs+warns == 0 {
		return ""
	}
	tab := st.link(st.Tabs.Findings, st.t(st.Tabs.Findings+" タブ", "the "+st.Tabs.Findings+" tab"))
	var ja, en []string
	if errs > 0 {
		ja, en = append(ja, "エラー "+strconv.Itoa(errs)+"件"), append(en, plural(errs, "error", "errors"))
	}
	if warns > 0 {
		ja, en = append(ja, "注意 "+strconv.Itoa(warns)+"件"), append(en, plural(warns, "warning", "warnings"))
	}
	return st.t(
		"ほかに "+strings.Join(ja, "・")+" があります。すべて "+tab+" に一覧があります",
		"Not listed here: "+strings.Join(en, " and ")+"; all are in "+tab,
	)
}

func renderFiling(d *doc, m activity.Message, st Style) {
	f := m.Filing
	due := "*" + activity.FormatDay(f.Deadline, st.Lang) + "*"
	fy := f.FiscalYear.String()
	switch f.DaysLeft {
	case 0:
		d.header = st.t("📮 事業報告書の提出期限は今日です", "📮 The business report is due today")
	default:
		d.header = st.t("📮 事業報告書の提出期限まで あと"+strconv.Itoa(f.DaysLeft)+"日",
			"📮 Business report due in "+plural(f.DaysLeft, "day", "days"))
	}
	d.text = d.header[len("📮 "):] + st.t("（エラー "+strconv.Itoa(f.Errors)+"件）", " ("+plural(f.Errors, "error", "errors")+")")
	lines := []string{st.t(
		fy+"年度の事業報告書は "+due+" までに所轄庁へ提出します。",
		"The FY"+fy+" business report must reach the prefecture by "+due+".",
	)}
	if f.Errors > 0 {
		lines = append(lines, st.t(
			"チェックで未解決のエラーが *"+strconv.Itoa(f.Errors)+"件* あります。提出前に直してください。",
			"*"+plural(f.Errors, "error is", "errors are")+"* still open in the checks; please fix them before filing.",
		))
		for _, x := range f.Worst {
			lines = append(lines, "• "+st.link(x.Ref, x.Ref)+" "+Escape(x.Message.In(st.Lang)))
		}
		if more := moreFindings(f.Errors, 0, f.Worst, st); more != "" {
			lines = append(lines, more)
		}
	} else {
		lines = append(lines, st.t(
			"チェックにエラーはありません（注意 "+strconv.Itoa(f.Warnings)+"件）。提出の準備ができています。",
			"The checks show no errors ("+plural(f.Warnings, "warning", "warnings")+"): the report is ready to file.",
		))
	}
	d.section(lines...)
	d.context(st.link(st.Tabs.Report, st.t(st.Tabs.Report+" タブを開く", "Open the "+st.Tabs.Report+" tab")) + " · " +
		st.link(st.Tabs.Findings, st.t(st.Tabs.Findings+" タブ", "the "+st.Tabs.Findings+" tab")))
}

// calledOff says how many rows were cancelled (中止) and postponed (延期),
// of cancelled rows, postponed of them; "" when none.
func calledOff(cancelled, postponed int, st Style) string {
	var parts []string
	if n := cancelled - postponed; n > 0 {
		parts = append(parts, st.t("中止 "+strconv.Itoa(n)+"件", strconv.Itoa(n)+" cancelled"))
	}
	if postponed > 0 {
		parts = append(parts, st.t("延期 "+strconv.Itoa(postponed)+"件", strconv.Itoa(postponed)+" postponed"))
	}
	return strings.Join(parts, st.t("・", ", "))
}
