package sheets

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"github.com/katsudo-npo/katsudo/activity"
	"google.golang.org/api/googleapi"
	"google.golang.org/api/sheets/v4"
)

// Commit replaces the tabs whole, as Write does, and appends rows to
// another tab (from column A, below its last row holding a value), all in
// one spreadsheets:batchUpdate: Google applies it entirely or not at all,
// so a run's report and its claims on the Slack messages it is about to
// send land together, in one request. Values are written as text, never
// as formulas; an empty value leaves its cell blank.
//
// after is the number of rows of tab the caller last read. Google's
// answer brings back the tab from the row below it, so Commit can say
// where the rows landed without reading the tab again: it returns their
// A1 range, as Append does — further down than after+1 when another
// client appended in between. The answer also brings every tab's sheetId,
// remembered for links (KnownSheetIDs). A tab that does not exist is an
// *activity.TabNotFoundError.
//
// Like Write, and unlike Append, a commit is repeated after a failure
// that may have taken effect (a timeout, a 500): the tabs are replaced
// whole either way, and rows appended twice are claims that carry their
// run, which mean nothing more the second time (the range then lies
// lower than after+1, and the caller reads the tab back).
func (s *Spreadsheet) Commit(ctx context.Context, tabs []activity.Sheet, tab string, after int, rows [][]string) (string, error) {
	if len(rows) == 0 {
		return "", fmt.Errorf("append to tab %s of %s: no rows", quoteTab(tab), s.URL())
	}
	return s.commit(ctx, tabs, &addition{tab: tab, after: after, rows: rows})
}

// addition is rows to append in a commit.
type addition struct {
	tab   string
	after int
	rows  [][]string
}

// width is the widest of the rows.
func (a *addition) width() int {
	w := 1
	for _, r := range a.rows {
		w = max(w, len(r))
	}
	return w
}

// request is the appendCells request for the rows: text as text.
func (a *addition) request(id int64) *sheets.Request {
	rows := make([]*sheets.RowData, len(a.rows))
	for i, r := range a.rows {
		rd := &sheets.RowData{Values: make([]*sheets.CellData, len(r))}
		for c, v := range r {
			cd := &sheets.CellData{}
			if v != "" {
				text := v
				cd.UserEnteredValue = &sheets.ExtendedValue{StringValue: &text}
			}
			rd.Values[c] = cd
		}
		rows[i] = rd
	}
	return &sheets.Request{AppendCells: &sheets.AppendCellsRequest{
		SheetId: id, Rows: rows, Fields: "userEnteredValue", ForceSendFields: []string{"SheetId"},
	}}
}

// commit is Write, with rows appended to a tab when add is set. It needs
// no sheet metadata when the tabs are where katsudo left them: a tab
// katsudo creates gets a sheetId derived from its name, so the next run
// can address it directly. When that guess is wrong (the tab was made by
// hand, or is missing) Google refuses the whole batch, and commit asks for
// the metadata once and sends the batch again.
func (s *Spreadsheet) commit(ctx context.Context, tabs []activity.Sheet, add *addition) (string, error) {
	// A member's long cell is cut and marked, never a failed write: the
	// check points at the cell it came from.
	fitted := make([]activity.Sheet, len(tabs))
	for i, t := range tabs {
		fitted[i] = t.Fit(maxSheetsCellText, activity.RuneLen)
	}
	tabs = fitted
	if err := s.checkWrite(tabs); err != nil {
		return "", fmt.Errorf("write to %s: %w", s.URL(), err)
	}
	if len(tabs) == 0 && add == nil {
		return "", nil
	}
	var names []string
	for _, t := range tabs {
		names = append(names, t.Name)
	}
	if add != nil {
		names = append(names, add.tab)
	}
	what := "write " + tabWord(names) + " to " + s.URL()
	s.mu.Lock()
	ids := s.ids
	s.mu.Unlock()
	for attempt := 1; ; attempt++ {
		reqs, used := plan(tabs, ids)
		batch := &sheets.BatchUpdateSpreadsheetRequest{Requests: reqs, IncludeSpreadsheetInResponse: true}
		fields := "updatedSpreadsheet.sheets.properties(sheetId,title)"
		if add != nil {
			id, ok := used[tabKey(add.tab)]
			if !ok {
				id, ok = stableID(add.tab, 0), true
				if ids != nil {
					id, ok = ids[tabKey(add.tab)]
				}
			}
			if !ok {
				return "", &activity.TabNotFoundError{Tab: add.tab, File: s.URL(), Tabs: s.knownTitles()}
			}
			batch.Requests = append(batch.Requests, add.request(id))
			batch.ResponseRanges = s.responseRanges(tabs, add)
			fields = "updatedSpreadsheet.sheets(properties(sheetId,title),data(startRow,rowData.values.effectiveValue))"
		}
		var got *sheets.BatchUpdateSpreadsheetResponse
		err := s.call(ctx, what, func(ctx context.Context) error {
			var err error
			got, err = s.svc.Spreadsheets.BatchUpdate(s.id, batch).Fields(googleapi.Field(fields)).Context(ctx).Do()
			return err
		})
		if err == nil {
			return s.landed(got, add), nil
		}
		if attempt == 3 || !refused(err) {
			return "", err
		}
		// The tabs are not where the batch assumed: learn where they are.
		if _, merr := s.tabInfos(ctx); merr != nil {
			return "", merr
		}
		s.mu.Lock()
		ids = s.ids
		s.mu.Unlock()
	}
}

// responseRanges ask Google's answer for the appended tab from the row
// below what the caller read, and for one cell of every other tab katsudo
// knows of, so that their sheetIds come back too (Google answers only for
// the tabs the ranges name).
func (s *Spreadsheet) responseRanges(tabs []activity.Sheet, add *addition) []string {
	ranges := []string{quoteTab(add.tab) + "!A" + strconv.Itoa(add.after+1) + ":" + activity.ColumnName(add.width()-1)}
	seen := map[string]bool{tabKey(add.tab): true}
	one := func(title string) {
		if !seen[tabKey(title)] {
			seen[tabKey(title)] = true
			ranges = append(ranges, quoteTab(title)+"!A1")
		}
	}
	for _, t := range tabs {
		one(t.Name)
	}
	for _, t := range s.knownTitles() {
		one(t)
	}
	return ranges
}

// landed remembers the sheetIds in Google's answer and works out where
// the appended rows went: the answer holds the appended tab from the row
// below what the caller read to its last row holding a value, so the rows
// are the last of it. "" when the answer does not say.
func (s *Spreadsheet) landed(got *sheets.BatchUpdateSpreadsheetResponse, add *addition) string {
	if got == nil || got.UpdatedSpreadsheet == nil {
		return ""
	}
	rng := ""
	var infos []tabInfo
	for _, sh := range got.UpdatedSpreadsheet.Sheets {
		if sh.Properties == nil {
			continue
		}
		p := sh.Properties
		infos = append(infos, tabInfo{Title: p.Title, ID: p.SheetId})
		if add == nil || tabKey(p.Title) != tabKey(add.tab) || len(sh.Data) == 0 {
			continue
		}
		d := sh.Data[0]
		n := int(d.StartRow) + len(d.RowData) // the tab's last row holding a value
		if first := n - len(add.rows) + 1; first > add.after {
			last := activity.ColumnName(add.width()-1) + strconv.Itoa(n)
			rng = quoteTab(p.Title) + "!A" + strconv.Itoa(first) + ":" + last
		}
	}
	// Without response ranges Google lists every tab; with them, only
	// the tabs they name.
	s.learn(infos, add == nil)
	return rng
}

// learn remembers tabs and their sheetIds. all says the list is every
// tab of the spreadsheet, which Write may then plan by; a partial list
// only adds to what is known.
func (s *Spreadsheet) learn(infos []tabInfo, all bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if all {
		s.ids = map[string]int64{}
		clear(s.gids)
		clear(s.titles)
	}
	for _, t := range infos {
		k := tabKey(t.Title)
		s.gids[k], s.titles[k] = t.ID, t.Title
		if s.ids != nil {
			s.ids[k] = t.ID
		}
	}
}

// saw remembers tabs a read found, for the ranges of the next commit.
func (s *Spreadsheet) saw(titles []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, t := range titles {
		s.titles[tabKey(t)] = t
	}
}

// KnownSheetIDs are the tabs' sheetIds (the #gid= of links to them) as
// the last answer that carried them said, by tab name, without asking
// Google: every write brings them back. Empty before the first.
func (s *Spreadsheet) KnownSheetIDs() map[string]int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int64, len(s.gids))
	for k, id := range s.gids {
		out[s.titles[k]] = id
	}
	return out
}

// knownTitles are the tabs katsudo has seen in this spreadsheet.
func (s *Spreadsheet) knownTitles() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.titles))
	for _, t := range s.titles {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}
