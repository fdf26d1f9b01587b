package demo

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
)

// WriteBigWorkbook writes the demo workbook with its activity log
// stretched to rows rows, as Excel would store it (text in the shared
// string table, dates as date-formatted serials), for measuring katsudo on
// an organisation's log after many years: the demo's rows once, mistakes
// included, then its clean rows over and over, each with its own
// description and amount (so they are not duplicates of each other), as
// a large real log is mostly clean. It streams: memory grows with the
// number of distinct strings, not with rows.
func WriteBigWorkbook(out io.Writer, rows int) error {
	in := Grids()
	tabs := []struct {
		name string
		grid activity.Grid
		rows int
	}{{in.Tabs.Log, in.Log, rows}, {in.Tabs.Programs, in.Programs, len(in.Programs) - 1}, {in.Tabs.Members, in.Members, len(in.Members) - 1}}
	zw := zip.NewWriter(out)
	sst := &stringTable{index: map[string]int{}}
	var sheets, rels, types strings.Builder
	for i, t := range tabs {
		n := i + 1
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, t.name, n, n)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, n, n)
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		w, err := zw.Create(fmt.Sprintf("xl/worksheets/sheet%d.xml", n))
		if err != nil {
			return err
		}
		if err := writeBigSheet(w, t.grid, t.rows, i == 0, cleanRows(in), sst); err != nil {
			return fmt.Errorf("tab %s: %w", t.name, err)
		}
	}
	w, err := zw.Create("xl/sharedStrings.xml")
	if err != nil {
		return err
	}
	if err := sst.write(w); err != nil {
		return err
	}
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` + types.String() + `</Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":     `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` + sheets.String() + `</sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() +
			`<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/styles.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(w, parts[name]); err != nil {
			return err
		}
	}
	return zw.Close()
}

// cleanRows marks the demo log's data rows (by index in the grid) that
// no finding points at.
func cleanRows(in activity.Input) map[int]bool {
	d := activity.Load(in)
	fy := FiscalYear()
	r := activity.Compile(d, fy, activity.Options{})
	bad := map[int]bool{}
	for _, f := range append(d.Findings, activity.Check(d, r, fy, Now(), Now().Location())...) {
		bad[f.Row] = true
	}
	clean := map[int]bool{}
	for i := 1; i < len(in.Log); i++ {
		if !bad[i] && len(in.Log[i]) > 0 {
			clean[i] = true
		}
	}
	return clean
}

// writeBigSheet writes the header and then n data rows: g's data rows,
// then (for the log, unique) its clean rows over and over.
func writeBigSheet(out io.Writer, g activity.Grid, n int, unique bool, clean map[int]bool, sst *stringTable) error {
	w := bufio.NewWriterSize(out, 256<<10)
	w.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	data := g[1:]
	desc, expense := -1, -1
	for c, cell := range g[0] {
		switch cell.Text {
		case "内容":
			desc = c
		case "支出額":
			expense = c
		}
	}
	// Repeated rows: clean ones whose amount is a number, so each repeat
	// can have its own amount and none doubles another.
	var again [][]activity.Cell
	for i := 1; i < len(g); i++ {
		if clean[i] && expense >= 0 && g.At(i, expense).Kind == activity.CellNumber && g.At(i, expense).Num > 0 {
			again = append(again, g[i])
		}
	}
	if !unique || len(again) == 0 {
		again = data
	}
	for r := 0; r <= n; r++ {
		row, round := g[0], 0
		switch {
		case r > 0 && r <= len(data):
			row = data[r-1]
		case r > len(data):
			k := r - 1 - len(data)
			row, round = again[k%len(again)], 1+k/len(again)
		}
		num := strconv.Itoa(r + 1)
		w.WriteString(`<row r="` + num + `">`)
		for c, cell := range row {
			ref := activity.ColumnName(c) + num
			switch cell.Kind {
			case activity.CellText:
				s := cell.Text
				if unique && round > 0 && c == desc {
					s += " (" + strconv.Itoa(round) + ")"
				}
				style := ""
				if r == 0 {
					style = ` s="2"`
				}
				fmt.Fprintf(w, `<c r="%s"%s t="s"><v>%d</v></c>`, ref, style, sst.add(s))
			case activity.CellNumber:
				style, v := ` s="3"`, cell.Num
				if c == 0 {
					style = ` s="1"`
				}
				if unique && round > 0 && c == expense {
					v += float64(round)
				}
				fmt.Fprintf(w, `<c r="%s"%s><v>%s</v></c>`, ref, style, strconv.FormatFloat(v, 'f', -1, 64))
			case activity.CellBool:
				b := "0"
				if cell.Bool {
					b = "1"
				}
				fmt.Fprintf(w, `<c r="%s" t="b"><v>%s</v></c>`, ref, b)
			}
		}
		w.WriteString(`</row>`)
	}
	w.WriteString(`</sheetData></worksheet>`)
	return w.Flush()
}

// stringTable is the shared string table being built.
type stringTable struct {
	index map[string]int
	list  []string
	count int
}

func (t *stringTable) add(s string) int {
	t.count++
	if i, ok := t.index[s]; ok {
		return i
	}
	t.index[s] = len(t.list)
	t.list = append(t.list, s)
	return len(t.list) - 1
}

func (t *stringTable) write(out io.Writer) error {
	w := bufio.NewWriterSize(out, 256<<10)
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, t.count, len(t.list))
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	for _, s := range t.list {
		w.WriteString(`<si><t xml:space="preserve">`)
		r.WriteString(w, s)
		w.WriteString(`</t></si>`)
	}
	w.WriteString(`</sst>`)
	return w.Flush()
}
