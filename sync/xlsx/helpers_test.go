package xlsx_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
	"github.com/xuri/excelize/v2"
)

// rawSheet is a worksheet given as the XML inside <sheetData>, plus any
// elements that follow it (such as <mergeCells>).
type rawSheet struct {
	Name      string
	SheetData string
	After     string
}

// rawBook is a workbook written part by part, for cells excelize cannot
// produce (cached formula results, error cells, rich text, phonetic guides).
type rawBook struct {
	Sheets   []rawSheet
	SST      []string // inner XML of each <si>
	Date1904 bool
	Styles   string // whole styles.xml; a minimal one when empty
}

const minimalStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>`

// MustRawXLSX writes book as an .xlsx file at path.
func MustRawXLSX(tb testing.TB, path string, book rawBook) {
	tb.Helper()
	parts := map[string]string{}
	var types, sheets, rels strings.Builder
	for i, s := range book.Sheets {
		n := i + 1
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, xmlText(s.Name), n, n)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, n, n)
		parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", n)] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheetData>` + s.SheetData + `</sheetData>` + s.After + `</worksheet>`
	}
	fmt.Fprintf(&rels, `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`)
	styles := book.Styles
	if styles == "" {
		styles = minimalStyles
	}
	parts["xl/styles.xml"] = styles
	if book.SST != nil {
		fmt.Fprintf(&rels, `<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`)
		types.WriteString(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`)
		parts["xl/sharedStrings.xml"] = fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d"><si>%s</si></sst>`,
			len(book.SST), len(book.SST), strings.Join(book.SST, "</si><si>"))
	}
	pr := ""
	if book.Date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	parts["[Content_Types].xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
		types.String() + `</Types>`
	parts["_rels/.rels"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	parts["xl/workbook.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		pr + `<sheets>` + sheets.String() + `</sheets></workbook>`
	parts["xl/_rels/workbook.xml.rels"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		rels.String() + `</Relationships>`
	MustZip(tb, path, parts)
}

// MustZip writes a zip file holding parts.
func MustZip(tb testing.TB, path string, parts map[string]string) {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range parts {
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := io.WriteString(w, content); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	MustWriteFile(tb, path, buf.Bytes())
}

func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// MustExcelize builds a workbook with excelize, as Excel users' files look,
// and saves it at path.
func MustExcelize(tb testing.TB, path string, build func(f *excelize.File) error) {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := build(f); err != nil {
		tb.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
}

// MustOpenExcelize opens a workbook with excelize to check what Write did.
func MustOpenExcelize(tb testing.TB, path string) *excelize.File {
	tb.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

func MustWriteFile(tb testing.TB, path string, data []byte) {
	tb.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
}

func MustReadFile(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// MustRead reads tabs with the adapter under test.
func MustRead(tb testing.TB, path string, tabs ...string) map[string]activity.Grid {
	tb.Helper()
	got, err := xlsx.OpenWorkbook(path).Read(context.Background(), tabs)
	if err != nil {
		tb.Fatal(err)
	}
	return got
}

// MustWrite writes sheets with the adapter under test.
func MustWrite(tb testing.TB, path string, sheets ...activity.Sheet) {
	tb.Helper()
	if err := xlsx.OpenWorkbook(path).Write(context.Background(), sheets); err != nil {
		tb.Fatal(err)
	}
}

// MustTabXML returns the worksheet XML of a tab, found the way Excel finds
// it: workbook.xml names the tab, its relationship names the part.
func MustTabXML(tb testing.TB, file, tab string) string {
	tb.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		tb.Fatal(err)
	}
	defer zr.Close()
	part := func(name string) []byte {
		for _, f := range zr.File {
			if strings.EqualFold(f.Name, name) {
				rc, err := f.Open()
				if err != nil {
					tb.Fatal(err)
				}
				defer rc.Close()
				b, err := io.ReadAll(rc)
				if err != nil {
					tb.Fatal(err)
				}
				return b
			}
		}
		tb.Fatalf("%s: no part %s", file, name)
		return nil
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(part("xl/workbook.xml"), &wb); err != nil {
		tb.Fatal(err)
	}
	if err := xml.Unmarshal(part("xl/_rels/workbook.xml.rels"), &rels); err != nil {
		tb.Fatal(err)
	}
	for _, s := range wb.Sheets {
		if s.Name != tab {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID == s.ID {
				target := strings.TrimPrefix(r.Target, "/")
				if !strings.HasPrefix(target, "xl/") {
					target = path.Join("xl", target)
				}
				return string(part(target))
			}
		}
	}
	tb.Fatalf("%s: no tab %q", file, tab)
	return ""
}

// tempFiles lists the files in dir other than want, to catch leftovers.
func leftovers(tb testing.TB, dir string, want ...string) []string {
	tb.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var extra []string
outer:
	for _, e := range entries {
		for _, w := range want {
			if e.Name() == filepath.Base(w) {
				continue outer
			}
		}
		extra = append(extra, e.Name())
	}
	return extra
}

// row builds a grid row from cells.
func row(cells ...activity.Cell) []activity.Cell { return cells }

var (
	txt   = activity.TextCell
	num   = activity.NumberCell
	boolc = activity.BoolCell
	errc  = activity.ErrorCell
	blank = activity.Cell{}
)
