package activity_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
)

// holidaysYML is the public holiday_jp dataset (MIT licence, see
// testdata/holidays/LICENSE), relative to this package's directory (go test
// runs there), so that a clone tests itself; KATSUDO_HOLIDAYS_YML overrides
// it (a newer release of the dataset, say).
const holidaysYML = "testdata/holidays/holidays-jp.yml"

// MustReadHolidaysYML parses the dataset's "YYYY-MM-DD: 名称" lines (after its
// "---" line) into names keyed by date. It fails the test, saying where it
// looked, when the file is missing or malformed.
func MustReadHolidaysYML(tb testing.TB) map[string]string {
	tb.Helper()
	path, from := os.Getenv("KATSUDO_HOLIDAYS_YML"), "KATSUDO_HOLIDAYS_YML"
	if path == "" {
		path, from = holidaysYML, "the default path relative to activity/"
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("holiday dataset not found: looked at %s (%s); set KATSUDO_HOLIDAYS_YML to its path: %v", abs, from, err)
	}
	defer f.Close()

	want := make(map[string]string)
	sc := bufio.NewScanner(f)
	started := false
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		switch {
		case text == "---":
			started = true
			continue
		case !started || text == "" || strings.HasPrefix(text, "#"):
			continue
		}
		date, name, ok := strings.Cut(text, ":")
		if _, err := time.Parse(time.DateOnly, date); !ok || err != nil {
			tb.Fatalf("%s:%d: want \"YYYY-MM-DD: 名称\", got %q", abs, line, text)
		}
		want[date] = strings.Trim(strings.TrimSpace(name), `"'`)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read %s: %v", abs, err)
	}
	if len(want) == 0 {
		tb.Fatalf("%s: no holidays after the --- line", abs)
	}
	return want
}

// TestHolidayMatchesDataset checks every day the dataset covers, 1970 to
// 2050, against it: Holiday must name exactly the days it lists, with the
// same spelling. The dataset names substitute holidays "<holiday> 振替休日",
// sandwiched days "休日", and the 2019 accession days "休日（祝日扱い）", and
// Holiday uses those names, with one documented exception (see
// datasetSubstituteName).
func TestHolidayMatchesDataset(t *testing.T) {
	want := MustReadHolidaysYML(t)
	from := time.Date(1970, time.January, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2050, time.December, 31, 0, 0, 0, 0, time.UTC)
	checked := 0
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		key := d.Format(time.DateOnly)
		wantName, wantOK := want[key]
		gotName, gotOK := activity.Holiday(d)
		if gotOK != wantOK || datasetSubstituteName(d, gotName) != wantName {
			t.Errorf("Holiday(%s %s) = %q, %v; dataset has %q, %v", key, d.Weekday(), gotName, gotOK, wantName, wantOK)
		}
		if wantOK {
			checked++
		}
	}
	if checked < 81*15 {
		t.Errorf("dataset lists only %d holidays in 1970–2050; is it the right file?", checked)
	}
}

// datasetSubstituteName maps Holiday's name for d to the dataset's. Holiday
// names a substitute holiday after the holiday that fell on the Sunday. Since
// 2007 a Sunday 憲法記念日 or みどりの日 is substituted by May 6, after
// こどもの日; the dataset then names May 6 "こどもの日 振替休日" in every year
// except 2020, where it has "憲法記念日 振替休日" as Holiday does. This maps
// the Golden Week substitute to the dataset's spelling for those years.
func datasetSubstituteName(d time.Time, name string) string {
	if d.Year() >= 2007 && d.Year() != 2020 && d.Month() == time.May && d.Day() == 6 &&
		(name == "憲法記念日 振替休日" || name == "みどりの日 振替休日") {
		return "こどもの日 振替休日"
	}
	return name
}
