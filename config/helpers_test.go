package config_test

import (
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/config"
)

// load writes content to katsudo.yaml in a fresh working folder, so that
// messages name "katsudo.yaml", and loads it with the environment env.
func load(tb testing.TB, content string, env map[string]string) (config.Config, error) {
	tb.Helper()
	tb.Chdir(tb.TempDir())
	if err := os.WriteFile("katsudo.yaml", []byte(content), 0o600); err != nil {
		tb.Fatal(err)
	}
	return config.Load("katsudo.yaml", true, getenv(env))
}

// MustLoad is load for content that must be valid.
func MustLoad(tb testing.TB, content string, env map[string]string) config.Config {
	tb.Helper()
	c, err := load(tb, content, env)
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return c
}

// english is env with KATSUDO_LANGUAGE=en added, for the tests that
// assert katsudo's English messages.
func english(env map[string]string) map[string]string {
	out := map[string]string{"KATSUDO_LANGUAGE": "en"}
	for k, v := range env {
		out[k] = v
	}
	return out
}

func getenv(env map[string]string) func(string) string {
	return func(name string) string { return env[name] }
}

// defaults is Default() as read from katsudo.yaml.
func defaults() config.Config {
	c := config.Default()
	c.Source = "katsudo.yaml"
	return c
}

// MustLocation loads a time zone or fails the test.
func MustLocation(tb testing.TB, name string) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		tb.Fatal(err)
	}
	return loc
}

// sameLocation compares time zones by name: *time.Location has unexported
// fields and a cache that differ between two loads of the same zone.
var sameLocation = cmp.Comparer(func(a, b *time.Location) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.String() == b.String()
})
