package xlsx_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
	"github.com/xuri/excelize/v2"
)

// TestWorkbookRead_CellKinds reads each kind of cell as Excel stores it.
func TestWorkbookRead_CellKinds(t *testing.T) {
	sst := []string{
		`<t>清掃活動</t>`,
		`<r><rPr><b/></rPr><t>太字</t></r><r><t xml:space="preserve"> と普通</t></r>`,
		`<t>公民館</t><rPh sb="0" eb="3"><t>コウミンカン</t></rPh><phoneticPr fontId="1"/>`,
		`<t>改行_x000D_あり_x005F_x0041_</t>`,
		`<t>123</t>`,
		`<t xml:space="preserve">  </t>`,
	}
	tests := []struct {
		name string
		cell string // a <c> element in A1
		want activity.Cell
	}{
		{"SharedString", `<c r="A1" t="s"><v>0</v></c>`, txt("清掃活動")},
		{"SharedRichTextConcatenated", `<c r="A1" t="s"><v>1</v></c>`, txt("太字 と普通")},
		{"PhoneticGuideLeftOut", `<c r="A1" t="s"><v>2</v></c>`, txt("公民館")},
		{"EscapesDecoded", `<c r="A1" t="s"><v>3</v></c>`, txt("改行\rあり_x0041_")},
		{"DigitsStoredAsTextStayText", `<c r="A1" t="s"><v>4</v></c>`, txt("123")},
		{"SpacesStayText", `<c r="A1" t="s"><v>5</v></c>`, txt("  ")},
		{"InlineString", `<c r="A1" t="inlineStr"><is><t>=1+1</t></is></c>`, txt("=1+1")},
		{"InlineRichText", `<c r="A1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c>`, txt("ab")},
		{"Integer", `<c r="A1"><v>1200</v></c>`, num(1200)},
		{"Float", `<c r="A1" t="n"><v>2.5</v></c>`, num(2.5)},
		{"Exponent", `<c r="A1"><v>1.5E-3</v></c>`, num(0.0015)},
		{"Negative", `<c r="A1"><v>-300</v></c>`, num(-300)},
		{"DateStyledNumberIsSerial", `<c r="A1" s="1"><v>44514</v></c>`, num(44514)},
		{"BoolTrue", `<c r="A1" t="b"><v>1</v></c>`, boolc(true)},
		{"BoolFalse", `<c r="A1" t="b"><v>0</v></c>`, boolc(false)},
		{"ErrorRef", `<c r="A1" t="e"><v>#REF!</v></c>`, errc("#REF!")},
		{"FormulaErrorNA", `<c r="A1" t="e"><f>VLOOKUP(1,B:C,2,0)</f><v>#N/A</v></c>`, errc("#N/A")},
		{"FormulaNumberIsCachedValue", `<c r="A1"><f>SUM(B1:B3)</f><v>42</v></c>`, num(42)},
		{"FormulaTextIsCachedValue", `<c r="A1" t="str"><f>B1&amp;"様"</f><v>山田様</v></c>`, txt("山田様")},
		{"FormulaBoolIsCachedValue", `<c r="A1" t="b"><f>B1&gt;0</f><v>1</v></c>`, boolc(true)},
		{"FormulaNotCalculatedIsBlank", `<c r="A1"><f>B1</f></c>`, blank},
		{"ISODateCell", `<c r="A1" t="d"><v>2021-11-14T00:00:00Z</v></c>`, num(44514)},
		{"ISODateTimeCell", `<c r="A1" t="d"><v>2021-11-14T12:00:00</v></c>`, num(44514.5)},
		{"ISODateWithZoneKeepsItsDay", `<c r="A1" t="d"><v>2021-11-14T00:00:00+09:00</v></c>`, num(44514)},
		{"ISODateFarFuture", `<c r="A1" t="d"><v>2500-01-01</v></c>`, num(219148)},
		{"StyledBlank", `<c r="A1" s="1"/>`, blank},
		{"EntityInText", `<c r="A1" t="inlineStr"><is><t>A&amp;B &lt;会&gt;</t></is></c>`, txt("A&B <会>")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "log.xlsx")
			MustRawXLSX(t, path, rawBook{
				Sheets: []rawSheet{{Name: "活動ログ", SheetData: `<row r="1">` + tt.cell + `</row>`}},
				SST:    sst,
			})
			got := MustRead(t, path, "活動ログ")["活動ログ"]
			want := activity.Grid{row(tt.want)}
			if tt.want.Kind == activity.CellEmpty {
				want = nil
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestWorkbookRead_Positions keeps cell references right: blank leading rows
// and columns stay, cells without a reference follow the one before, and
// the grid ends at the last value.
func TestWorkbookRead_Positions(t *testing.T) {
	tests := []struct {
		name      string
		sheetData string
		want      activity.Grid
	}{
		{"LeadingBlankRowsAndColumns",
			`<row r="3"><c r="C3"><v>1</v></c></row>`,
			activity.Grid{nil, nil, row(blank, blank, num(1))}},
		{"GapsInsideARow",
			`<row r="1"><c r="A1"><v>1</v></c><c r="D1"><v>4</v></c></row>`,
			activity.Grid{row(num(1), blank, blank, num(4))}},
		{"NoReferences",
			`<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>`,
			activity.Grid{row(num(1), num(2)), row(num(3))}},
		{"TrailingStyledBlanksDropped",
			`<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"/></row><row r="2"><c r="A2" s="1"/></row>`,
			activity.Grid{row(num(1))}},
		{"EmptySheet", ``, nil},
		{"AbsoluteAndLowerCaseRefs",
			`<row r="2"><c r="$b$2"><v>7</v></c></row>`,
			activity.Grid{nil, row(blank, num(7))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "log.xlsx")
			MustRawXLSX(t, path, rawBook{Sheets: []rawSheet{{Name: "ログ", SheetData: tt.sheetData}}})
			got := MustRead(t, path, "ログ")["ログ"]
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestWorkbookRead_MergedCells reports a merged range in its top-left cell
// only, as the Google Sheets API does, even when the other cells still
// hold old values in the file.
func TestWorkbookRead_MergedCells(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log.xlsx")
	MustRawXLSX(t, path, rawBook{Sheets: []rawSheet{{
		Name: "ログ",
		SheetData: `<row r="1"><c r="A1" t="inlineStr"><is><t>見出し</t></is></c><c r="B1"><v>9</v></c><c r="C1"><v>3</v></c></row>` +
			`<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>` +
			`<row r="3"><c r="A3"><v>5</v></c></row>`,
		After: `<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="A3:C3"/></mergeCells>`,
	}}})
	got := MustRead(t, path, "ログ")["ログ"]
	want := activity.Grid{
		row(txt("見出し"), blank, num(3)),
		nil,
		row(num(5)),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}

	t.Run("MadeByExcelize", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "merged.xlsx")
		MustExcelize(t, path, func(f *excelize.File) error {
			for _, c := range []string{"A1", "B1", "A2", "B2"} {
				if err := f.SetCellValue("Sheet1", c, c); err != nil {
					return err
				}
			}
			return f.MergeCell("Sheet1", "A1", "B2")
		})
		got := MustRead(t, path, "Sheet1")["Sheet1"]
		if diff := cmp.Diff(activity.Grid{row(txt("A1"))}, got); diff != "" {
			t.Errorf("mismatch (-want +got):\n%s", diff)
		}
	})
}

// TestWorkbookRead_SameTabTwice returns one grid per name asked for.
func TestWorkbookRead_SameTabTwice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log.xlsx")
	MustRawXLSX(t, path, rawBook{Sheets: []rawSheet{{Name: "Log", SheetData: `<row r="1"><c r="A1"><v>1</v></c></row>`}}})
	got, err := xlsx.OpenWorkbook(path).Read(context.Background(), []string{"Log", "log", "Log"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]activity.Grid{"Log": {row(num(1))}, "log": {row(num(1))}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestWorkbookTabs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log.xlsx")
	MustRawXLSX(t, path, rawBook{Sheets: []rawSheet{{Name: "活動ログ"}, {Name: "メンバー"}, {Name: "A&B"}}})
	got, err := xlsx.OpenWorkbook(path).Tabs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"活動ログ", "メンバー", "A&B"}, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}
