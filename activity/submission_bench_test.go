package activity_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
)

// BenchmarkCheckSubmission is the check a submission gets before Slack's
// 3-second acknowledgement, against logs of growing size: the row is
// checked among all the others, as the log's own check would.
func BenchmarkCheckSubmission(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			d := activity.Load(syntheticInput(n))
			m := d.Roster.Find("会員7")
			now := time.Date(2021, 12, 1, 10, 0, 0, 0, time.UTC)
			sub := activity.Submission{Member: m, Fields: map[string]string{"date": "2021-11-14", "program": "1-1", "expense": "1万2千円", "staff": "会員7、ほか3名", "place": "横浜市"}}
			for b.Loop() {
				c := activity.CheckSubmission(d, sub, time.April, now, time.UTC)
				if c.Errors() {
					b.Fatalf("problems %+v", c.Problems)
				}
			}
		})
	}
}
