package xlsx_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/xuri/excelize/v2"
)

// zipEntry is one stored part as the file holds it: compressed bytes.
type zipEntry struct {
	Method uint16
	CRC    uint32
	Raw    []byte
}

func mustZipEntries(tb testing.TB, path string) map[string]zipEntry {
	tb.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer zr.Close()
	out := map[string]zipEntry{}
	for _, f := range zr.File {
		r, err := f.OpenRaw()
		if err != nil {
			tb.Fatal(err)
		}
		raw, err := io.ReadAll(r)
		if err != nil {
			tb.Fatal(err)
		}
		out[f.Name] = zipEntry{f.Method, f.CRC32, raw}
	}
	return out
}

func names(m map[string]zipEntry) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

var reportSheets = []activity.Sheet{
	{Name: "事業報告書", FrozenRows: 1, Rows: [][]activity.Value{{activity.Str("事業", 0), activity.Str("金額", 0)}, {activity.Str("清掃", activity.Wrap), activity.Int(1200, activity.Yen)}}},
	{Name: "チェック", Rows: [][]activity.Value{{activity.Str("=1+1", activity.Bold), activity.Int(3, activity.Sen)}}},
}

// TestWorkbookWrite_CopiesOtherPartsAsStored leaves every part katsudo
// does not own byte for byte as it was stored, still compressed: the log
// is never decoded and re-encoded.
func TestWorkbookWrite_CopiesOtherPartsAsStored(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log.xlsx")
	MustMembersWorkbook(t, path)
	mustAddCalcChain(t, path)
	before := mustZipEntries(t, path)
	MustWrite(t, path, reportSheets...)
	after := mustZipEntries(t, path)
	if ct := mustPart(t, path, "[Content_Types].xml"); strings.Contains(ct, "calcChain") {
		t.Errorf("[Content_Types].xml still names the calculation chain:\n%s", ct)
	}
	// The index parts, and the old report's part (written anew under its
	// name).
	owned := map[string]bool{"xl/workbook.xml": true, "xl/_rels/workbook.xml.rels": true, "[Content_Types].xml": true, "xl/styles.xml": true,
		"xl/worksheets/sheet2.xml": true}
	if _, ok := before["xl/calcChain.xml"]; !ok {
		t.Fatal("the members' workbook has no calculation chain to test with")
	}
	for name, b := range before {
		a, ok := after[name]
		switch {
		case owned[name]:
		case name == "xl/calcChain.xml":
			// Excel rebuilds it; it would point at the old report's cells.
			if ok {
				t.Errorf("%s kept, want it dropped", name)
			}
		case !ok:
			t.Errorf("%s dropped", name)
		case !bytes.Equal(a.Raw, b.Raw) || a.CRC != b.CRC || a.Method != b.Method:
			t.Errorf("%s changed: stored %d bytes, was %d", name, len(a.Raw), len(b.Raw))
		}
	}
}

// TestWorkbookWrite_SteadyState writes the same tabs again and again: the
// second and later writes produce the same parts (no style, part or
// relationship piles up run after run) and the members' tabs stay put.
func TestWorkbookWrite_SteadyState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log.xlsx")
	MustMembersWorkbook(t, path)
	MustWrite(t, path, reportSheets...)
	first := mustZipEntries(t, path)
	for range 3 {
		MustWrite(t, path, reportSheets...)
	}
	again := mustZipEntries(t, path)
	if diff := cmp.Diff(names(first), names(again)); diff != "" {
		t.Errorf("parts changed (-first +fourth):\n%s", diff)
	}
	for _, name := range []string{"xl/styles.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels"} {
		if a, b := mustPart(t, path, name), partOf(t, first, name); a != b {
			t.Errorf("%s grew from\n%s\nto\n%s", name, b, a)
		}
	}
	for _, name := range []string{"xl/styles.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml"} {
		mustWellFormed(t, mustPart(t, path, name))
	}
	mustWellFormed(t, MustTabXML(t, path, "事業報告書"))
	x := MustOpenExcelize(t, path)
	if diff := cmp.Diff([]string{"活動ログ", "事業報告書", "設定", "チェック"}, x.GetSheetList()); diff != "" {
		t.Errorf("tab order (-want +got):\n%s", diff)
	}
	if got := MustRead(t, path, "チェック")["チェック"]; !cmp.Equal(got, activity.Grid{row(txt("=1+1"), num(3))}) {
		t.Errorf("チェック = %v", got)
	}
}

// TestWorkbookWrite_DropsOldTabParts removes what only the replaced tab
// used (its comments and their drawing) and keeps what the log uses.
func TestWorkbookWrite_DropsOldTabParts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log.xlsx")
	MustExcelize(t, path, func(f *excelize.File) error {
		if err := f.SetSheetName("Sheet1", "活動ログ"); err != nil {
			return err
		}
		if _, err := f.NewSheet("事業報告書"); err != nil {
			return err
		}
		for _, tab := range []string{"活動ログ", "事業報告書"} {
			if err := f.AddComment(tab, excelize.Comment{Cell: "A1", Author: "会員", Text: tab + "のメモ"}); err != nil {
				return err
			}
		}
		return nil
	})
	MustWrite(t, path, reportSheets[0])
	x := MustOpenExcelize(t, path)
	got := map[string]int{}
	for _, tab := range []string{"活動ログ", "事業報告書"} {
		cs, err := x.GetComments(tab)
		if err != nil {
			t.Fatal(err)
		}
		got[tab] = len(cs)
	}
	if diff := cmp.Diff(map[string]int{"活動ログ": 1, "事業報告書": 0}, got); diff != "" {
		t.Errorf("comments (-want +got):\n%s", diff)
	}
	comments := 0
	for name := range mustZipEntries(t, path) {
		if strings.Contains(name, "comments") {
			comments++
		}
	}
	if comments != 1 {
		t.Errorf("%d comments parts left, want the log's only", comments)
	}
}

func mustPart(tb testing.TB, path, name string) string {
	tb.Helper()
	return partOf(tb, mustZipEntries(tb, path), name)
}

func partOf(tb testing.TB, entries map[string]zipEntry, name string) string {
	tb.Helper()
	e, ok := entries[name]
	if !ok {
		tb.Fatalf("no part %s", name)
	}
	r := io.Reader(bytes.NewReader(e.Raw))
	if e.Method == zip.Deflate {
		r = flateReader(r)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func flateReader(r io.Reader) io.Reader { return flate.NewReader(r) }

// mustAddCalcChain gives the workbook the calculation chain Excel saves
// with formulas (excelize writes none): the log's D3 and the report's B2.
func mustAddCalcChain(tb testing.TB, path string) {
	tb.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		tb.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		parts[f.Name] = string(b)
	}
	zr.Close()
	parts["xl/calcChain.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="D3" i="1"/><c r="B2" i="2"/></calcChain>`
	parts["xl/_rels/workbook.xml.rels"] = strings.Replace(parts["xl/_rels/workbook.xml.rels"], "</Relationships>",
		`<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>`, 1)
	parts["[Content_Types].xml"] = strings.Replace(parts["[Content_Types].xml"], "</Types>",
		`<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`, 1)
	MustZip(tb, path, parts)
}
