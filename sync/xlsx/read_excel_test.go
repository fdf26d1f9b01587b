package xlsx_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/xuri/excelize/v2"
)

// TestWorkbookRead_Dates reads date cells as serial numbers whatever their
// display format, and moves a 1904-system workbook's dates to the 1900
// system the activity package counts in.
func TestWorkbookRead_Dates(t *testing.T) {
	t.Run("ExcelDateFormats", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "dates.xlsx")
		day := time.Date(2021, 11, 14, 0, 0, 0, 0, time.UTC)
		MustExcelize(t, path, func(f *excelize.File) error {
			if err := f.SetCellValue("Sheet1", "A1", day); err != nil {
				return err
			}
			ja := `yyyy"年"m"月"d"日"`
			st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &ja})
			if err != nil {
				return err
			}
			if err := f.SetCellValue("Sheet1", "B1", 44514); err != nil {
				return err
			}
			if err := f.SetCellStyle("Sheet1", "B1", "B1", st); err != nil {
				return err
			}
			era, err := f.NewStyle(&excelize.Style{NumFmt: 57}) // ggge"年"m"月"d"日" in Japanese Excel
			if err != nil {
				return err
			}
			if err := f.SetCellValue("Sheet1", "C1", 44514.75); err != nil {
				return err
			}
			return f.SetCellStyle("Sheet1", "C1", "C1", era)
		})
		got := MustRead(t, path, "Sheet1")["Sheet1"]
		if diff := cmp.Diff(activity.Grid{row(num(44514), num(44514), num(44514.75))}, got); diff != "" {
			t.Errorf("mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("Date1904System", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "mac.xlsx")
		styles := strings.Replace(minimalStyles, `<fonts`, `<numFmts count="1"><numFmt numFmtId="164" formatCode="[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><fonts`, 1)
		styles = strings.Replace(styles, `<cellXfs count="2">`, `<cellXfs count="4">`, 1)
		styles = strings.Replace(styles, `</cellXfs>`, `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>`, 1)
		MustRawXLSX(t, path, rawBook{
			Date1904: true,
			Styles:   styles,
			Sheets: []rawSheet{{Name: "ログ", SheetData: `<row r="1">` +
				`<c r="A1" s="1"><v>43052</v></c>` + // built-in date format
				`<c r="B1" s="2"><v>43052</v></c>` + // custom era format
				`<c r="C1" s="3"><v>1200</v></c>` + // #,##0: an amount, not a date
				`<c r="D1"><v>5</v></c>` +
				`<c r="E1" t="d"><v>2021-11-14</v></c>` +
				`</row>`}},
		})
		got := MustRead(t, path, "ログ")["ログ"]
		want := activity.Grid{row(num(44514), num(44514), num(1200), num(5), num(44514))}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("mismatch (-want +got):\n%s", diff)
		}
	})
}

// TestWorkbookRead_Large reads a row of 200 columns and a 5,000-character
// cell whole.
func TestWorkbookRead_Large(t *testing.T) {
	long := strings.Repeat("地域の清掃活動に参加しました。", 5000/15)
	long += strings.Repeat("あ", 5000-len([]rune(long)))
	path := filepath.Join(t.TempDir(), "wide.xlsx")
	wantRow := make([]activity.Cell, 200)
	MustExcelize(t, path, func(f *excelize.File) error {
		for c := range 200 {
			ref, _ := excelize.CoordinatesToCellName(c+1, 1)
			if err := f.SetCellValue("Sheet1", ref, c); err != nil {
				return err
			}
			wantRow[c] = num(float64(c))
		}
		return f.SetCellStr("Sheet1", "GR2", long)
	})
	got := MustRead(t, path, "Sheet1")["Sheet1"]
	long2 := make([]activity.Cell, 200)
	long2[199] = txt(long)
	if diff := cmp.Diff(activity.Grid{wantRow, long2}, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	if n := len([]rune(got.At(1, 199).Text)); n != 5000 {
		t.Errorf("long cell has %d characters, want 5000", n)
	}
}

// TestWorkbookRead_MatchesExcelize compares every cell with what excelize
// reports for its type and raw value, on a workbook excelize wrote.
func TestWorkbookRead_MatchesExcelize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log.xlsx")
	values := [][]any{
		{"日付", "氏名", "時間", "金額", "確認", "メモ"},
		{time.Date(2022, 4, 1, 0, 0, 0, 0, time.UTC), "山田 太郎", 2.5, 1200, true, "=1+1"},
		{44652, "佐藤\n花子", 0.25, -300, false, "  前後に空白  "},
		{nil, "", 1e15, int64(9007199254740993), nil, "0123"},
	}
	MustExcelize(t, path, func(f *excelize.File) error {
		for r, vs := range values {
			for c, v := range vs {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if s, ok := v.(string); ok {
					if err := f.SetCellStr("Sheet1", ref, s); err != nil {
						return err
					}
					continue
				}
				if err := f.SetCellValue("Sheet1", ref, v); err != nil {
					return err
				}
			}
		}
		return nil
	})
	got := MustRead(t, path, "Sheet1")["Sheet1"]
	x := MustOpenExcelize(t, path)
	for r := range values {
		for c := range values[r] {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			typ, err := x.GetCellType("Sheet1", ref)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := x.GetCellValue("Sheet1", ref, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			var want activity.Cell
			switch {
			case raw == "":
			case typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString || typ == excelize.CellTypeFormula:
				want = txt(raw)
			case typ == excelize.CellTypeBool:
				want = boolc(raw == "1")
			case typ == excelize.CellTypeError:
				want = errc(raw)
			default:
				n, err := strconv.ParseFloat(raw, 64)
				if err != nil {
					t.Fatalf("%s: %v", ref, err)
				}
				want = num(n)
			}
			if diff := cmp.Diff(want, got.At(r, c)); diff != "" {
				t.Errorf("%s (excelize type %v, raw %q) mismatch (-want +got):\n%s", ref, typ, raw, diff)
			}
		}
	}
}
