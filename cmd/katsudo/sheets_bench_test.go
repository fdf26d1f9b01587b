package main

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"testing"

	"github.com/katsudo-npo/katsudo/sync/sheetstest"
)

// benchLog is a log of n done activities in FY2021, each with its own
// amount so that none is a duplicate.
func benchLog(n int) [][]any {
	rows := make([][]any, n)
	for i := range rows {
		rows[i] = []any{44287 + float64(i%365), "1-1", fmt.Sprintf("第%d回 経営相談", i+1), "横須賀市", "山田", "中小企業 1社", fmt.Sprintf("株式会社%d", i%500), 1000 + float64(i), "", "山田", ""}
	}
	return rows
}

// BenchmarkReportSheets runs `katsudo report` against the fake Google, the
// report tab already in place, and reports the requests of one run: the
// floor is one read and one write whatever the number of rows.
func BenchmarkReportSheets(b *testing.B) {
	for _, n := range []int{10, 100_000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			srv, environ := MustSheets(b, dir, benchLog(n)...)
			if got := MustRun(b, dir, environ, "report", "--now", testNow); got.code != 0 {
				b.Fatalf("exit = %d\n%s", got.code, got.stderr)
			}
			for b.Loop() {
				srv.ResetCounts()
				if got := MustRun(b, dir, environ, "report", "--now", testNow); got.code != 0 {
					b.Fatalf("exit = %d\n%s", got.code, got.stderr)
				}
			}
			b.ReportMetric(float64(srv.Count(sheetstest.KindBatchGet)), "reads/run")
			b.ReportMetric(float64(srv.Count(sheetstest.KindBatchUpdate)), "writes/run")
			b.ReportMetric(float64(srv.Count(sheetstest.KindGet)), "metadata/run")
			b.ReportMetric(float64(srv.Count(sheetstest.KindToken)), "tokens/run")
		})
	}
}

// BenchmarkBatchGet times the fake Google answering the bare batchGet of
// the same 100,000-row spreadsheet to a plain HTTP client: the part of a
// run's time that is the test server's.
func BenchmarkBatchGet(b *testing.B) {
	srv, _ := MustSheets(b, b.TempDir(), benchLog(100_000)...)
	q := url.Values{"ranges": {"'活動ログ'", "'事業'", "'会員'"}, "valueRenderOption": {"UNFORMATTED_VALUE"}, "dateTimeRenderOption": {"SERIAL_NUMBER"}, "majorDimension": {"ROWS"}}
	req, err := http.NewRequest(http.MethodGet, srv.URL+"/v4/spreadsheets/"+testSheet+"/values:batchGet?"+q.Encode(), nil)
	if err != nil {
		b.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+srv.AccessToken(testSA))
	var size int64
	for b.Loop() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		size, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("status %d", resp.StatusCode)
		}
	}
	b.ReportMetric(float64(size)/1e6, "MB/answer")
}
