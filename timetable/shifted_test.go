package timetable_test

import (
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/katsudo-npo/katsudo/timetable"
)

func instant(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

// TestShifted checks the schedule serve --now runs on: it fires when the
// shifted clock reaches the spec's times.
func TestShifted(t *testing.T) {
	tokyo := config.Default().Location
	inner, err := clerk.ParseSchedule("0 10 * * *", tokyo)
	if err != nil {
		t.Fatal(err)
	}
	real := instant("2026-06-01T00:00:00Z")
	now := instant("2021-12-01T09:59:58+09:00")
	s := timetable.Shift(inner, now.Sub(real))
	if got := s.Next(real); !got.Equal(real.Add(2 * time.Second)) {
		t.Errorf("Next = %s, want 2s after %s", got, real)
	}
}
