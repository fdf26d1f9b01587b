package xlsx

import (
	"io"
	"strconv"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
)

// growTables extends the Excel tables (list objects, テーブル) over the
// log so that they take in the rows appended below them, as Excel does
// when a member types in the row under a table: a table whose header row
// is the log's (it holds at) and which reaches down to the last row with a
// value gets its range, and its filter's, stretched to the last new row.
// A table with a totals row is left as it is (the new rows would have to
// go above the totals), as is one that ends above the log's last row.
// last is the 0-based row of the last new row.
func (a *addition) growTables(p *xlsxPackage, pl *bookPlan, sheetPart string, last int) error {
	rels := relsPart(sheetPart)
	if !p.has(rels) {
		return nil
	}
	data, err := readPart(p, rels)
	if err != nil {
		return err
	}
	root, err := parseTree(data)
	if err != nil {
		return nil // a sheet whose relationships cannot be read has no table katsudo can find
	}
	for _, r := range root.children {
		if !strings.HasSuffix(r.attr("Type"), "/table") || r.attr("TargetMode") == "External" {
			continue
		}
		part := resolve(sheetPart, r.attr("Target"))
		if !p.has(part) {
			continue
		}
		data, err := readPart(p, part)
		if err != nil {
			return err
		}
		t, err := parseTree(data)
		if err != nil {
			continue
		}
		ref, ok := parseRange(t.attr("ref"))
		if !ok || ref[0] != a.row0 || a.col0 < ref[1] || a.col0 > ref[3] || ref[2] >= last || ref[2] < a.next-2 {
			continue // not over the log, already long enough, or ending above its last row
		}
		if n, _ := strconv.Atoi(t.attr("totalsRowCount")); n > 0 {
			continue
		}
		grown := activity.ColumnName(ref[1]) + strconv.Itoa(ref[0]+1) + ":" + activity.ColumnName(ref[3]) + strconv.Itoa(last+1)
		edits := []edit{{t.start, t.openEnd, rebuildStart(t, map[string]string{"ref": grown}, string(data[t.start:t.openEnd]))}}
		if f := t.child("autoFilter"); f != nil {
			edits = append(edits, edit{f.start, f.openEnd, rebuildStart(f, map[string]string{"ref": grown}, string(data[f.start:f.openEnd]))})
		}
		if pl.rewrite == nil {
			pl.rewrite = map[string][]byte{}
		}
		pl.rewrite[partKey(part)] = splice(data, edits)
	}
	return nil
}

// readPart reads a small part (relationships, a table) whole.
func readPart(p *xlsxPackage, part string) ([]byte, error) {
	rc, err := p.open(part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, 64<<20))
}
