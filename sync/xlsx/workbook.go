package xlsx

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/katsudo-npo/katsudo/activity"
)

// Workbook is a local .xlsx file used instead of Google Sheets: the
// organisation keeps its activity log in Excel or LibreOffice, katsudo reads
// the input tabs from it and writes the report and the findings back into it.
type Workbook struct {
	path string
	// Force writes the workbook even when it is read-only or its editor's
	// lock file is beside it (ErrReadOnly, ErrInUse): for a lock file left
	// by a crashed editor.
	Force bool
	// mu makes this process's Writes one at a time, so that two Writes
	// never both start from the same old file and lose each other's tabs.
	mu sync.Mutex
}

// OpenWorkbook returns the workbook at path. Nothing is read until Read,
// Tabs or Write; Write creates the file when it does not exist yet.
func OpenWorkbook(path string) *Workbook {
	return &Workbook{path: path}
}

// Path is the workbook's file, as given to OpenWorkbook.
func (w *Workbook) Path() string { return w.path }

// Read returns the cells of the named tabs, keyed by the names asked for.
// Cells come typed as the workbook stores them: a date is its serial
// number, a formula is its last calculated value. Row 0 of a grid is the
// tab's row 1 and column 0 its column A, blank leading rows and columns
// included, so a Finding can point at the cell a member has to fix; of a
// merged range only the top-left cell holds the value. Tab names match as
// in Excel, ignoring case. A missing tab is a *activity.TabNotFoundError.
func (w *Workbook) Read(ctx context.Context, tabs []string) (grids map[string]activity.Grid, err error) {
	defer recoverAs(&err, "read "+activity.QuoteList(tabs)+" from "+w.path)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p, err := openPackage(w.path)
	if err != nil {
		return nil, fmt.Errorf("read %s from %s: %w", tabWord(tabs), w.path, err)
	}
	defer p.close()

	parts := make([]tabPart, len(tabs))
	for i, name := range tabs {
		t, ok := p.tab(name)
		if !ok {
			return nil, &activity.TabNotFoundError{Tab: name, File: w.path, Tabs: p.tabNames()}
		}
		parts[i] = t
	}
	if len(tabs) == 0 {
		return map[string]activity.Grid{}, nil
	}
	// The shared strings are read beside the first tab's cells (a large
	// log's are 9 MB at 100,000 rows) and put in once both are read.
	sst := p.sharedStringsAside()
	defer sst() // the part is read to its end before the file closes
	dates, err := p.dateStyles1904()
	if err != nil {
		return nil, fmt.Errorf("read %s from %s: %w", tabWord(tabs), w.path, err)
	}
	grids = make(map[string]activity.Grid, len(tabs))
	for i, name := range tabs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if _, done := grids[name]; done {
			continue
		}
		g, err := p.scanGrid(parts[i], dates)
		if err != nil {
			return nil, fmt.Errorf("read tab %q from %s: %w", name, w.path, err)
		}
		texts, err := sst()
		if err != nil {
			return nil, fmt.Errorf("read %s from %s: %w", tabWord(tabs), w.path, err)
		}
		if grids[name], err = g.finish(texts); err != nil {
			return nil, fmt.Errorf("read tab %q from %s: %w", name, w.path, err)
		}
	}
	return grids, nil
}

// Tabs lists the workbook's tab names in order, for `katsudo doctor` and
// for error messages that show what is there.
func (w *Workbook) Tabs(ctx context.Context) (tabs []string, err error) {
	defer recoverAs(&err, "list the tabs of "+w.path)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p, err := openPackage(w.path)
	if err != nil {
		return nil, fmt.Errorf("list the tabs of %s: %w", w.path, err)
	}
	defer p.close()
	return p.tabNames(), nil
}

// tabWord renders the tabs of a Read for an error message: tab "活動ログ",
// tabs "活動ログ", "メンバー".
func tabWord(tabs []string) string {
	if len(tabs) == 1 {
		return "tab " + activity.QuoteList(tabs)
	}
	return "tabs " + activity.QuoteList(tabs)
}

// recoverAs turns a panic in a third-party library into an error, so a
// strange file fails one run of the bot instead of crashing the scheduler.
func recoverAs(err *error, doing string) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: unexpected failure (please report it): %v", doing, r)
	}
}

// tabKey is how Excel compares tab names: ignoring case.
func tabKey(title string) string { return strings.ToLower(title) }

// quoteTab is a tab name as it appears in a formula: '活動ログ', with '
// doubled.
func quoteTab(title string) string {
	return "'" + strings.ReplaceAll(title, "'", "''") + "'"
}
