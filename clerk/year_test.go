package clerk_test

import (
	"context"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// TestCompileYear: without a year, every command compiles the year being
// filed, and says where the rows are when that year has none.
func TestCompileYear(t *testing.T) {
	wb := MustWorkbook(t, t.TempDir(), 1) // rows from April to October 2021: FY2021
	tests := []struct {
		name     string
		now      string
		year     int
		wantYear int
		wantHint string
	}{
		{"FilingSeasonCompilesLastYear", "2022-04-15T10:00:00+09:00", 0, 2021, ""},
		{"AfterTheDeadlineTheNewYearAndAHint", "2022-07-01T10:00:00+09:00", 0, 2022, "--fy 2021"},
		{"TheYearAskedForAndAHint", "2022-04-15T10:00:00+09:00", 2022, 2022, "--fy 2021"},
		{"BeforeTheRowsAHintForward", "2021-06-01T10:00:00+09:00", 0, 2020, "--fy 2021"},
		{"NoRowsNearbyNoHint", "2024-08-01T10:00:00+09:00", 0, 2024, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := MustClerk(t, xlsx.OpenWorkbook(wb), nil)
			c.Year = tt.year
			res, err := c.Compile(context.Background(), instant(tt.now))
			if err != nil {
				t.Fatal(err)
			}
			hint := res.EmptyYearHint(activity.Japanese)
			if res.Year.Year != tt.wantYear || (tt.wantHint == "") != (hint == "") || !strings.Contains(hint, tt.wantHint) {
				t.Errorf("at %s: FY%d, hint %q; want FY%d and a hint naming %q", tt.now, res.Year.Year, hint, tt.wantYear, tt.wantHint)
			}
		})
	}
}
