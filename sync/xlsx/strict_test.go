package xlsx_test

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// MustStrictBook writes a workbook saved as Strict Open XML (Excel's
// "Strict Open XML Spreadsheet"): the strict namespaces and relationship
// types throughout, one 活動ログ tab with a header and a row.
func MustStrictBook(tb testing.TB, path string) {
	tb.Helper()
	const (
		main = "http://purl.oclc.org/ooxml/spreadsheetml/main"
		rel  = "http://purl.oclc.org/ooxml/officeDocument/relationships"
		decl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`
	)
	MustZip(tb, path, map[string]string{
		"[Content_Types].xml": decl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels": decl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": decl + `<workbook xmlns="` + main + `" xmlns:r="` + rel + `" conformance="strict">` +
			`<sheets><sheet name="活動ログ" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": decl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + rel + `/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": decl + `<worksheet xmlns="` + main + `"><sheetData>` +
			`<row r="1"><c r="A1" t="inlineStr"><is><t>日付</t></is></c><c r="B1" t="inlineStr"><is><t>内容</t></is></c></row>` +
			`<row r="2"><c r="A2"><v>44501</v></c><c r="B2" t="inlineStr"><is><t>清掃</t></is></c></row>` +
			`</sheetData></worksheet>`,
	})
}

func TestStrictWorkbookIsReadButNotWrittenInto(t *testing.T) {
	path := filepath.Join(t.TempDir(), "strict.xlsx")
	MustStrictBook(t, path)
	before := MustReadFile(t, path)
	if g := MustRead(t, path, "活動ログ")["活動ログ"]; g.At(1, 1).Text != "清掃" || g.At(1, 0).Num != 44501 {
		t.Fatalf("read %v from a strict workbook", g)
	}
	err := xlsx.OpenWorkbook(path).Write(context.Background(), []activity.Sheet{{Name: "事業報告書", Rows: [][]activity.Value{{activity.Str("報告", 0)}}}})
	if !errors.Is(err, xlsx.ErrStrict) {
		t.Fatalf("Write = %v, want ErrStrict", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "Strict Open XML") || !strings.Contains(msg, "Excel ブック (*.xlsx)") {
		t.Errorf("the message does not tell the member what to do: %s", msg)
	}
	if !bytes.Equal(MustReadFile(t, path), before) {
		t.Error("the refused write changed the file")
	}
}

func TestStrictWorkbookTakesRowsAppendedInItsOwnNamespace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "strict.xlsx")
	MustStrictBook(t, path)
	if _, err := xlsx.OpenWorkbook(path).Append(context.Background(), "活動ログ", "A1", [][]string{{"2021/11/14", "相談"}}); err != nil {
		t.Fatal(err)
	}
	if g := MustRead(t, path, "活動ログ")["活動ログ"]; g.At(2, 1).Text != "相談" {
		t.Errorf("row 3 after the append: %v", g.At(2, 1))
	}
	sheet := mustPart(t, path, "xl/worksheets/sheet1.xml")
	if strings.Contains(sheet, "schemas.openxmlformats.org/spreadsheetml") {
		t.Errorf("the appended rows brought the transitional namespace into the strict sheet:\n%s", sheet)
	}
}
