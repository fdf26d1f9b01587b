package xlsx

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/xuri/excelize/v2"
)

// excelLastRow is the last row of an Excel sheet.
const excelLastRow = 1048576

// Setup lays the workbook out as the template says: it adds the missing
// tabs with their bold, frozen header row (creating the file when there is
// none) and adds the template's dropdowns and date and amount checks
// where a column has none yet. Existing tabs keep every cell. Excel has no
// warning-only protection, so katsudo's own tabs are left unprotected.
// It returns what it changed; run again, it changes nothing.
func (w *Workbook) Setup(ctx context.Context, tabs []activity.TemplateTab) ([]activity.Text, error) {
	have := map[string]bool{}
	existing, err := w.Tabs(ctx)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, t := range existing {
		have[tabKey(t)] = true
	}
	var missing []activity.Sheet
	var changes []activity.Text
	for _, t := range tabs {
		if !have[tabKey(t.Name)] {
			missing = append(missing, t.HeaderSheet())
			changes = append(changes, activity.Text{Ja: "「" + t.Name + "」タブを作りました", En: "created the tab " + t.Name})
		}
	}
	if err := w.Write(ctx, missing); err != nil {
		return nil, err
	}
	added, err := w.addValidations(ctx, tabs)
	if err != nil {
		return nil, err
	}
	for _, name := range added {
		if !containsFold(missing, name) {
			changes = append(changes, activity.Text{Ja: "「" + name + "」タブに入力規則を付けました", En: "added checks to the tab " + name})
		}
	}
	return changes, nil
}

func containsFold(sheets []activity.Sheet, name string) bool {
	for _, s := range sheets {
		if tabKey(s.Name) == tabKey(name) {
			return true
		}
	}
	return false
}

// addValidations adds each template rule whose column has no validation
// yet, and saves the workbook in one step when it added any. It returns
// the tabs it changed.
func (w *Workbook) addValidations(ctx context.Context, tabs []activity.TemplateTab) (changed []string, err error) {
	defer recoverAs(&err, "set up "+w.path)
	var names []string
	for _, t := range tabs {
		if len(t.Columns) > 0 && !t.Written {
			names = append(names, t.Name)
		}
	}
	grids, err := w.Read(ctx, names)
	if err != nil {
		return nil, err
	}
	headers := map[string]*activity.Table{}
	for _, t := range tabs {
		if len(t.Columns) > 0 && !t.Written {
			headers[t.Name], _ = activity.ReadTable(t.Name, grids[t.Name], t.Columns)
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	target, err := resolveTarget(w.path)
	if err != nil {
		return nil, err
	}
	if !w.Force {
		if err := checkFree(target); err != nil {
			return nil, fmt.Errorf("set up %s: %w", w.path, err)
		}
	}
	f, perm, err := openExcelize(target)
	if err != nil {
		return nil, fmt.Errorf("set up %s: %w", w.path, err)
	}
	defer f.Close()
	for _, t := range tabs {
		h := headers[t.Name]
		if h == nil || h.HeaderRow < 0 {
			continue
		}
		dvs, err := f.GetDataValidations(t.Name)
		if err != nil {
			return nil, fmt.Errorf("set up tab %q in %s: %w", t.Name, w.path, err)
		}
		added := false
		for _, r := range t.Rules {
			col := h.Col(r.Column)
			if col < 0 || validated(dvs, activity.ColumnName(col)) {
				continue
			}
			dv, err := excelRule(r, headers)
			if err != nil || dv == nil {
				continue
			}
			c := activity.ColumnName(col)
			dv.Sqref = c + strconv.Itoa(h.HeaderRow+2) + ":" + c + strconv.Itoa(excelLastRow)
			if err := f.AddDataValidation(t.Name, dv); err != nil {
				return nil, fmt.Errorf("set up tab %q in %s: %w", t.Name, w.path, err)
			}
			added = true
		}
		if added {
			changed = append(changed, t.Name)
		}
	}
	if len(changed) == 0 {
		return nil, nil
	}
	save := func(out io.Writer) error { _, err := f.WriteTo(out); return err }
	if err := saveAtomic(ctx, target, perm, save); err != nil {
		return nil, fmt.Errorf("set up %s: %w", w.path, err)
	}
	return changed, nil
}

// validated reports whether a validation already covers the column.
func validated(dvs []*excelize.DataValidation, col string) bool {
	for _, dv := range dvs {
		for _, ref := range strings.Fields(dv.Sqref) {
			from, _, _ := strings.Cut(ref, ":")
			if strings.TrimRight(strings.ToUpper(from), "0123456789$") == col {
				return true
			}
		}
	}
	return false
}

// excelRule is a Rule as an Excel data validation: a warning, never a
// refusal, with the rule's help shown when the cell is selected.
func excelRule(r activity.Rule, headers map[string]*activity.Table) (*excelize.DataValidation, error) {
	dv := excelize.NewDataValidation(true)
	var err error
	switch r.Kind {
	case activity.RuleList:
		err = dv.SetDropList(r.List)
	case activity.RuleColumn:
		src := headers[r.Tab]
		if src == nil || src.Col(r.Source) < 0 {
			return nil, nil
		}
		c := "$" + activity.ColumnName(src.Col(r.Source))
		dv.SetSqrefDropList(quoteTab(r.Tab) + "!" + c + "$" + strconv.Itoa(src.HeaderRow+2) + ":" + c + "$" + strconv.Itoa(excelLastRow))
	case activity.RuleDate:
		err = dv.SetRange(1, 2958465, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween)
	case activity.RuleAmount:
		err = dv.SetRange(0, 0, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorGreaterThanOrEqual)
	case activity.RuleHint: // the help alone: any value is accepted
		dv.Type, dv.Formula1 = "custom", "TRUE"
	}
	if err != nil {
		return nil, err
	}
	dv.SetError(excelize.DataValidationErrorStyleWarning, "katsudo", "katsudo が読めない値かもしれません。そのままでもかまいませんが、チェック結果を確認してください。")
	if r.Help != "" {
		dv.SetInput("", r.Help)
	}
	return dv, nil
}

// openExcelize opens the workbook in excelize to add drop-downs and
// checks (katsudo init, never the hot path). A file that is not an .xlsx
// workbook is refused: katsudo never overwrites what it cannot read.
func openExcelize(path string) (*excelize.File, fs.FileMode, error) {
	p, perm, err := openForWrite(path)
	if err != nil {
		return nil, 0, err
	}
	p.close()
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, 0, newProblem(ErrNotWorkbook, "the workbook cannot be opened for writing: "+err.Error())
	}
	return f, perm, nil
}
