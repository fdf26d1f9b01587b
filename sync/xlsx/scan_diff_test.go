package xlsx_test

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// FuzzScannerMatchesDecoder reads fuzzed worksheets and shared strings
// with the tag scanner and with the encoding/xml reader it replaced:
// whatever the old reader read, the scanner reads the same cells. (The
// scanner may read a malformed part the old reader refused.)
func FuzzScannerMatchesDecoder(f *testing.F) {
	for _, seed := range [][2]string{
		{`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>1.5</v></c></row>`, `<t>a</t>`},
		{`<row><c t="inlineStr"><is><r><t>x</t></r><rPh><t>y</t></rPh></is></c></row>`, `<r><t>_x000D_</t></r>`},
		{`<row r="2"><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c t="d"><v>2021-11-14</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells><sheetData>`, ``},
		{`<c><v>1</v></c></row><row/>`, `<t/>`},
		{`<row r="3"><c r="A3" t="str"><f>A1</f><v>a&amp;b&#10;c&#x41;</v></c><c t="b"><v>1</v></c><c s="1"><v>44500</v></c></row>`, `<t xml:space="preserve"> a&lt;b </t><rPh sb="0" eb="1"><t>ふり</t></rPh>`},
		{`<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<x>]]></t></is></c><c r="B1"><!-- note --><v>2</v></c></row>`, `<t>line1` + "\r\n" + `line2</t>`},
		{`<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>`, `<r><rPr><b/></rPr><t>太字</t></r><r><t>と普通</t></r>`},
		// Shared strings are put in after the cells are read: an empty one
		// leaves a row blank, or shorter, as if it had not been there.
		{`<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>5</v></c><c r="B2" t="s"><v>0</v></c></row><row r="3"><c r="C3" t="s"><v>0</v></c></row>`, `<t/>`},
		// <c> attributes in the shapes Excel does not write: spaces around
		// '=', single quotes, a prefix, an entity, a sign, other attributes.
		{`<row r="1"><c r = "B1" t='s' s="1"><v>0</v></c><c cm="1" r="C1" s="+2"><v>3</v></c><c foo="x" r="E1"><v>4</v></c></row>`, `<t>a</t>`},
		{`<row r="2"><c r="A&#50;" s="&#49;"><v>1</v></c><c r="$B$2" t="s" ><v> 0 </v></c><c r="C2"s="1"><v>2</v></c></row>`, `<t>b</t>`},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, sheetData, si string) {
		path := filepath.Join(t.TempDir(), "f.xlsx")
		MustRawXLSX(t, path, rawBook{Sheets: []rawSheet{{Name: "ログ", SheetData: sheetData}}, SST: []string{si}})
		scanned, decoded, scanErr, decodeErr := xlsx.ReadBothWays(path, "ログ")
		if decodeErr != nil {
			return
		}
		if scanErr != nil {
			t.Fatalf("the scanner refused what encoding/xml read: %v\nold: %v", scanErr, decoded)
		}
		if diff := cmp.Diff(decoded, scanned); diff != "" {
			t.Errorf("scanner differs (-encoding/xml +scanner):\n%s", diff)
		}
	})
}
