package xlsx_test

import (
	"archive/zip"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// appXML is docProps/app.xml as Japanese Excel writes it for a workbook
// with one tab.
const appXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>ワークシート</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>活動ログ</vt:lpstr></vt:vector></TitlesOfParts><Company>NPO法人さくら</Company><AppVersion>16.0300</AppVersion></Properties>`

// A write that adds katsudo's tabs leaves no stale list of tabs in the
// document properties, and keeps the rest of them.
func TestWriteDropsTheStaleTabListFromDocumentProperties(t *testing.T) {
	path := filepath.Join(t.TempDir(), "book.xlsx")
	MustRawXLSX(t, path, rawBook{Sheets: []rawSheet{{Name: "活動ログ", SheetData: `<row r="1"><c r="A1" t="inlineStr"><is><t>日付</t></is></c></row>`}}})
	MustAddPart(t, path, "docProps/app.xml", appXML,
		`<Relationship Id="rIdApp" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>`,
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`)
	sheets := []activity.Sheet{
		{Name: "事業報告書", FrozenRows: 1, Rows: [][]activity.Value{{activity.Str("事業", 0)}}},
		{Name: "チェック", Rows: [][]activity.Value{{activity.Str("セル", 0)}}},
	}
	for range 2 { // the first report, then the steady state
		if err := xlsx.OpenWorkbook(path).Write(context.Background(), sheets); err != nil {
			t.Fatal(err)
		}
		app := mustPart(t, path, "docProps/app.xml")
		for _, stale := range []string{"TitlesOfParts", "HeadingPairs"} {
			if strings.Contains(app, stale) {
				t.Errorf("docProps/app.xml still has %s naming only the old tabs:\n%s", stale, app)
			}
		}
		for _, kept := range []string{"<Application>Microsoft Excel</Application>", "<Company>NPO法人さくら</Company>", "<AppVersion>16.0300</AppVersion>"} {
			if !strings.Contains(app, kept) {
				t.Errorf("docProps/app.xml lost %s:\n%s", kept, app)
			}
		}
	}
	x := MustOpenExcelize(t, path)
	if got := x.GetSheetList(); strings.Join(got, ",") != "活動ログ,事業報告書,チェック" {
		t.Errorf("excelize reads the tabs %v", got)
	}
}

// MustAddPart adds a package-level part to the workbook at path, with its
// relationship (in _rels/.rels) and content type.
func MustAddPart(tb testing.TB, path, name, content, rel, contentType string) {
	tb.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		tb.Fatal(err)
	}
	parts := map[string]string{name: content}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		parts[f.Name] = string(data)
	}
	zr.Close()
	parts["_rels/.rels"] = strings.Replace(parts["_rels/.rels"], "</Relationships>", rel+"</Relationships>", 1)
	parts["[Content_Types].xml"] = strings.Replace(parts["[Content_Types].xml"], "</Types>", contentType+"</Types>", 1)
	MustZip(tb, path, parts)
}
