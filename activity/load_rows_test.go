package activity_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
)

// A log read in parts at once gives the entries and findings, in the
// same order, that reading it row after row gives.
func TestLoadInPartsMatchesLoadingRowByRow(t *testing.T) {
	in := syntheticInput(5_000)
	for r := 3; r < len(in.Log); r += 37 { // a bad cell here and there, findings in every part
		in.Log[r][0] = activity.TextCell("令和3年13月" + string(rune('0'+r%10)) + "日")
		in.Log[r][9] = activity.TextCell("知らない人")
	}
	want := activity.LoadInParts(in, 1)
	if len(want.Findings) < 100 {
		t.Fatalf("only %d findings: the test would not see them reordered", len(want.Findings))
	}
	for _, parts := range []int{2, 3, 4, 7} {
		got := activity.LoadInParts(in, parts)
		if !reflect.DeepEqual(got.Entries, want.Entries) {
			t.Errorf("%d parts: entries differ from loading row by row", parts)
		}
		if !reflect.DeepEqual(got.Findings, want.Findings) {
			t.Errorf("%d parts: %d findings differ from the %d of loading row by row", parts, len(got.Findings), len(want.Findings))
		}
	}
}

// Check with its row checks on a goroutine of their own finds what it
// finds without, in the same order.
func TestCheckInParallelMatchesCheckInOneGoroutine(t *testing.T) {
	in := syntheticInput(3_000)
	for r := 5; r < len(in.Log); r += 41 { // outside the year, twice entered, in the future
		switch r % 3 {
		case 0:
			in.Log[r][0] = activity.TextCell("2019/5/1")
		case 1:
			in.Log[r] = in.Log[r-1]
		default:
			in.Log[r][0] = activity.TextCell("2022/3/30")
		}
	}
	d := activity.Load(in)
	now := time.Date(2022, 3, 20, 10, 0, 0, 0, time.UTC)
	rep := activity.Compile(d, fy2021, activity.Options{})
	want := activity.CheckInParallel(d, rep, fy2021, now, time.UTC, false)
	if len(want) < 50 {
		t.Fatalf("only %d findings: the test would not see them reordered", len(want))
	}
	if got := activity.CheckInParallel(d, rep, fy2021, now, time.UTC, true); !reflect.DeepEqual(got, want) {
		t.Errorf("%d findings in parallel differ from the %d in one goroutine", len(got), len(want))
	}
}
