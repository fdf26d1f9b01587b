package activity_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
)

// syntheticInput builds a log of n rows over FY2021 in the forms members
// type, with a catalogue of 3 categories × 6 programs and 60 members.
func syntheticInput(n int) activity.Input {
	programs := activity.Grid{{activity.TextCell("コード"), activity.TextCell("事業名"), activity.TextCell("区分"), activity.TextCell("内容"), activity.TextCell("担当"), activity.TextCell("頻度"), activity.TextCell("予算額"), activity.TextCell("決算額")}}
	var codes []string
	for c := 1; c <= 3; c++ {
		programs = append(programs, activity.Grid{{activity.TextCell(fmt.Sprint(c)), activity.TextCell(fmt.Sprintf("分野%d", c))}}...)
		for p := 1; p <= 6; p++ {
			code := fmt.Sprintf("%d-%d", c, p)
			codes = append(codes, code)
			programs = append(programs, []activity.Cell{
				activity.TextCell(code), activity.TextCell(fmt.Sprintf("事業%s", code)), {}, activity.TextCell("内容"),
				activity.TextCell(fmt.Sprintf("会員%d", c*6+p)), activity.TextCell("毎月"), activity.NumberCell(5e6), {},
			})
		}
	}
	members := activity.Grid{{activity.TextCell("氏名"), activity.TextCell("Slack"), activity.TextCell("在籍")}}
	var names []string
	for m := 0; m < 60; m++ {
		name := fmt.Sprintf("会員%d", m)
		names = append(names, name)
		members = append(members, []activity.Cell{activity.TextCell(name), activity.TextCell(fmt.Sprintf("U%08d", m)), {}})
	}
	places := []string{"横須賀市", "横浜市、東京都", "三浦市・横須賀市", "オンライン"}
	bens := []string{"中小企業 1社", "約120名", "1団体、中小企業6社、個人18名", "横浜市3施設", ""}
	// Amounts in the forms members type, different on every row (a real
	// log has few duplicate rows).
	amount := func(i int) activity.Cell {
		switch i % 5 {
		case 0:
			return activity.NumberCell(float64(1000 + i))
		case 1:
			return activity.TextCell(fmt.Sprintf("%d円", 1000+i))
		case 2:
			return activity.TextCell(fmt.Sprintf("¥%d", 1000+i))
		case 3:
			return activity.TextCell(fmt.Sprintf("%d.%04d万円", i/10000%5, i%10000))
		}
		return activity.TextCell(fmt.Sprintf("%d,%03d", (1000+i)/1000, (1000+i)%1000))
	}
	log := make(activity.Grid, 0, n+1)
	log = append(log, []activity.Cell{
		activity.TextCell("日付"), activity.TextCell("事業"), activity.TextCell("内容"), activity.TextCell("場所"), activity.TextCell("従事者"),
		activity.TextCell("受益対象"), activity.TextCell("受益先"), activity.TextCell("支出額"), activity.TextCell("状態"), activity.TextCell("記入者"), activity.TextCell("備考"),
	})
	start := time.Date(2021, 4, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		day := start.AddDate(0, 0, i%365)
		var date activity.Cell
		switch i % 4 {
		case 0:
			date = activity.NumberCell(float64(44287 + i%365))
		case 1:
			date = activity.TextCell(day.Format("2006/1/2"))
		case 2:
			date = activity.TextCell(fmt.Sprintf("令和%d年%d月%d日", day.Year()-2018, day.Month(), day.Day()))
		default:
			date = activity.TextCell(day.Format("2006年1月"))
		}
		status := activity.Cell{}
		if i%50 == 0 {
			status = activity.TextCell("中止")
		}
		log = append(log, []activity.Cell{
			date, activity.TextCell(codes[i%len(codes)]), activity.TextCell("相談対応"), activity.TextCell(places[i%len(places)]),
			activity.TextCell(names[i%60] + "、" + names[(i+7)%60]), activity.TextCell(bens[i%len(bens)]), activity.TextCell(fmt.Sprintf("企業%d", i%40)),
			amount(i), status, activity.TextCell(names[i%60]), {},
		})
	}
	return activity.Input{Tabs: activity.DefaultTabs, Log: log, Programs: programs, Members: members}
}

func benchmarkPipeline(b *testing.B, n int) {
	in := syntheticInput(n)
	now := time.Date(2022, 4, 15, 10, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	b.ResetTimer()
	var peak uint64
	for b.Loop() {
		d := activity.Load(in)
		r := activity.Compile(d, fy2021, activity.Options{})
		fs := activity.Check(d, r, fy2021, now, time.UTC)
		if len(d.Entries) != n || len(fs) == 0 && n < 0 {
			b.Fatalf("entries = %d", len(d.Entries))
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/row")
	b.ReportMetric(float64(peak)/(1<<20), "MiB-heap-inuse")
}

func BenchmarkPipeline10k(b *testing.B) { benchmarkPipeline(b, 10_000) }
func BenchmarkPipeline1M(b *testing.B)  { benchmarkPipeline(b, 1_000_000) }
