package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
)

// version says which katsudo this is, from what the Go toolchain recorded
// in the binary: the module version (a tag for `go install …@v1.2.0`,
// "(devel)" for a build from a checkout), the commit and its time when
// the build recorded them, and the Go version.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "katsudo (no build information)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, at, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
			if len(rev) > 12 {
				rev = rev[:12]
			}
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = ", modified"
			}
		}
	}
	var parts []string
	if rev != "" {
		parts = append(parts, "commit "+rev+dirty)
	}
	if at != "" {
		parts = append(parts, at)
	}
	parts = append(parts, info.GoVersion)
	return "katsudo " + v + " (" + strings.Join(parts, ", ") + ")"
}

// progName is how the person ran katsudo, for the commands the demo
// suggests next: "go run ./cmd/katsudo" when go run built it into a
// temporary folder, else os.Args[0] as typed ("katsudo", "./katsudo").
func progName(arg0 string) string {
	if arg0 == "" {
		return "katsudo"
	}
	dir := filepath.ToSlash(filepath.Dir(arg0))
	if strings.Contains(dir, "/go-build") || strings.HasPrefix(dir, filepath.ToSlash(os.TempDir())+"/go-build") {
		return "go run ./cmd/katsudo"
	}
	return arg0
}
