package xlsx_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/demo"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
	"github.com/xuri/excelize/v2"
)

// MustActivityLog writes an activity log of n entries as Excel would store
// it: text in the shared string table, dates as date-formatted serials.
func MustActivityLog(tb testing.TB, path string, n int) {
	tb.Helper()
	MustExcelize(tb, path, func(f *excelize.File) error {
		const tab = "活動ログ"
		if err := f.SetSheetName("Sheet1", tab); err != nil {
			return err
		}
		header := []any{"日付", "氏名", "事業", "活動内容", "時間", "人数", "交通費", "場所", "確認", "備考", "登録"}
		if err := f.SetSheetRow(tab, "A1", &header); err != nil {
			return err
		}
		programs := []string{"清掃活動", "子ども食堂", "見守り訪問", "会議"}
		for i := range n {
			r := []any{
				44652 + i%365, fmt.Sprintf("会員%02d", i%40), programs[i%len(programs)],
				fmt.Sprintf("第%d回 %sを実施しました。", i+1, programs[i%len(programs)]),
				0.5 * float64(1+i%8), 1 + i%12, 320 * (i % 5), "公民館", i%3 != 0, "", fmt.Sprintf("R%05d", i),
			}
			if err := f.SetSheetRow(tab, fmt.Sprintf("A%d", i+2), &r); err != nil {
				return err
			}
		}
		date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
		if err != nil {
			return err
		}
		return f.SetColStyle(tab, "A", date)
	})
}

func BenchmarkWorkbookRead10k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "log.xlsx")
	MustActivityLog(b, path, 10_000)
	wb := xlsx.OpenWorkbook(path)
	b.ReportAllocs()
	for b.Loop() {
		grids, err := wb.Read(context.Background(), []string{"活動ログ"})
		if err != nil {
			b.Fatal(err)
		}
		if g := grids["活動ログ"]; len(g) != 10_001 || len(g[1]) != 11 {
			b.Fatalf("read %d rows", len(g))
		}
	}
}

func BenchmarkWorkbookWrite10k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "log.xlsx")
	MustActivityLog(b, path, 100)
	sheet := activity.Sheet{Name: "事業報告書", FrozenRows: 1, Widths: []float64{12, 10, 14, 40}}
	sheet.Rows = append(sheet.Rows, []activity.Value{
		activity.Str("日付", 0), activity.Str("氏名", 0), activity.Str("事業", 0), activity.Str("内容", 0),
		activity.Str("時間", 0), activity.Str("人数", 0), activity.Str("交通費", 0), activity.Str("場所", 0),
		activity.Str("確認", 0), activity.Str("備考", 0), activity.Str("登録", 0),
	})
	for i := range 10_000 {
		sheet.Rows = append(sheet.Rows, []activity.Value{
			activity.Int(int64(44652+i%365), 0), activity.Str(fmt.Sprintf("会員%02d", i%40), 0), activity.Str("清掃活動", activity.Bold),
			activity.Str(fmt.Sprintf("第%d回 =清掃活動を実施しました。", i+1), activity.Wrap), activity.Int(int64(1+i%8), 0), activity.Int(int64(1+i%12), 0),
			activity.Int(int64(320*(i%5)), activity.Yen), activity.Str("公民館", 0), activity.Str("済", 0), activity.Str("", 0), activity.Str(fmt.Sprintf("R%05d", i), 0),
		})
	}
	wb := xlsx.OpenWorkbook(path)
	b.ReportAllocs()
	for b.Loop() {
		if err := wb.Write(context.Background(), []activity.Sheet{sheet}); err != nil {
			b.Fatal(err)
		}
	}
}

// MustBigWorkbook writes the demo workbook with its log stretched to n
// rows (demo.WriteBigWorkbook) at path.
func MustBigWorkbook(tb testing.TB, path string, n int) {
	tb.Helper()
	var buf bytes.Buffer
	if err := demo.WriteBigWorkbook(&buf, n); err != nil {
		tb.Fatal(err)
	}
	MustWriteFile(tb, path, buf.Bytes())
}

// BenchmarkWorkbookRead100k reads a 100,000-row log written as Excel
// stores it (shared strings, date styles).
func BenchmarkWorkbookRead100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.xlsx")
	MustBigWorkbook(b, path, 100_000)
	wb := xlsx.OpenWorkbook(path)
	log := demo.Tabs().Log
	b.ReportAllocs()
	for b.Loop() {
		grids, err := wb.Read(context.Background(), []string{log})
		if err != nil {
			b.Fatal(err)
		}
		if g := grids[log]; len(g) != 100_001 {
			b.Fatalf("read %d rows", len(g))
		}
	}
}

// benchReport is a report and findings tab the size of a year's.
func benchReport() []activity.Sheet {
	report := activity.Sheet{Name: "事業報告書", FrozenRows: 1, Widths: []float64{8, 30, 40, 12}}
	findings := activity.Sheet{Name: "チェック", FrozenRows: 1, Widths: []float64{12, 60}}
	for i := range 200 {
		report.Rows = append(report.Rows, []activity.Value{activity.Str(fmt.Sprintf("1-%d", i), 0), activity.Str("清掃活動", activity.Wrap),
			activity.Str(fmt.Sprintf("第%d回 =清掃活動を実施しました。", i+1), activity.Wrap), activity.Int(int64(1200*i), activity.Yen)})
	}
	for i := range 2000 {
		findings.Rows = append(findings.Rows, []activity.Value{activity.Str(fmt.Sprintf("活動ログ!A%d", i+2), 0), activity.Str("日付が読めません", 0)})
	}
	return []activity.Sheet{report, findings}
}

// BenchmarkWorkbookWrite100kLog writes a year's report into a workbook
// whose log has 100,000 rows: the first time (katsudo's tabs are added)
// and in the steady state (they are replaced, as every pass after the
// first does). Both copy the log without reading it, so neither depends
// on the log's size.
func BenchmarkWorkbookWrite100kLog(b *testing.B) {
	dir := b.TempDir()
	orig := filepath.Join(dir, "orig.xlsx")
	MustBigWorkbook(b, orig, 100_000)
	data := MustReadFile(b, orig)
	sheets := benchReport()
	b.Run("FirstReport", func(b *testing.B) {
		path := filepath.Join(dir, "first.xlsx")
		wb := xlsx.OpenWorkbook(path)
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			MustWriteFile(b, path, data)
			b.StartTimer()
			if err := wb.Write(context.Background(), sheets); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("SteadyState", func(b *testing.B) {
		path := filepath.Join(dir, "steady.xlsx")
		MustWriteFile(b, path, data)
		wb := xlsx.OpenWorkbook(path)
		if err := wb.Write(context.Background(), sheets); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			if err := wb.Write(context.Background(), sheets); err != nil {
				b.Fatal(err)
			}
		}
	})
}
