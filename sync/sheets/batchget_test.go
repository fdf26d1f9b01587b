package sheets_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/sheets"
	gsheets "google.golang.org/api/sheets/v4"
)

// answer is a values:batchGet answer for a log of n rows and a small tab.
func answer(tb testing.TB, n int) []byte {
	tb.Helper()
	rows := make([][]any, n)
	for i := range rows {
		rows[i] = []any{44287 + float64(i%365), "1-1", fmt.Sprintf("第%d回 経営相談", i+1), "横須賀市", "山田", "中小企業 1社", fmt.Sprintf("株式会社%d", i%500), 1000 + float64(i), "", "山田", true}
	}
	b, err := json.Marshal(map[string]any{"valueRanges": []any{
		map[string]any{"range": "'活動ログ'!A1:K100000", "values": rows},
		map[string]any{"range": "'会員'!A1:A1", "values": [][]any{{"氏名", "#N/A"}, {}, {"山田"}}},
		map[string]any{"range": "'空'!A1:Z1000"},
	}})
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// libraryDecode is what the client library's Do and the old conversion
// did: the whole answer into [][]interface{}, then cells.
func libraryDecode(data []byte) ([]activity.Grid, error) {
	var got gsheets.BatchGetValuesResponse
	if err := json.Unmarshal(data, &got); err != nil {
		return nil, err
	}
	var out []activity.Grid
	for _, vr := range got.ValueRanges {
		var g activity.Grid
		for _, row := range vr.Values {
			var cells []activity.Cell
			for _, v := range row {
				cells = append(cells, sheets.CellOf(v))
			}
			g = append(g, cells)
		}
		out = append(out, g)
	}
	return out, nil
}

// TestDecodeValueRanges reads the answer row by row into the same grids
// the library's whole-answer decode gives.
func TestDecodeValueRanges(t *testing.T) {
	data := answer(t, 1000)
	want, err := libraryDecode(data)
	if err != nil {
		t.Fatal(err)
	}
	got, err := sheets.DecodeValueRanges(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-library +streamed):\n%s", diff)
	}
	if _, err := sheets.DecodeValueRanges(bytes.NewReader(data[:len(data)/2])); err == nil {
		t.Error("a cut answer decoded without error")
	}
}

// BenchmarkDecode100k decodes a 100,000-row answer both ways and reports
// the peak heap while decoding, per row.
func BenchmarkDecode100k(b *testing.B) {
	data := answer(b, 100_000)
	for _, way := range []struct {
		name string
		fn   func([]byte) ([]activity.Grid, error)
	}{
		{"Library", libraryDecode},
		{"Streamed", func(d []byte) ([]activity.Grid, error) { return sheets.DecodeValueRanges(bytes.NewReader(d)) }},
	} {
		b.Run(way.name, func(b *testing.B) {
			var peak atomic.Uint64
			for b.Loop() {
				runtime.GC()
				var base runtime.MemStats
				runtime.ReadMemStats(&base)
				done := make(chan struct{})
				go func() {
					var m runtime.MemStats
					for {
						select {
						case <-done:
							return
						case <-time.After(2 * time.Millisecond):
						}
						runtime.ReadMemStats(&m)
						if d := m.HeapInuse - min(base.HeapInuse, m.HeapInuse); d > peak.Load() {
							peak.Store(d)
						}
					}
				}()
				if _, err := way.fn(data); err != nil {
					b.Fatal(err)
				}
				close(done)
			}
			b.ReportMetric(float64(peak.Load())/100_000, "peak-B/row")
		})
	}
}
