package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestProgName(t *testing.T) {
	tests := []struct{ arg0, want string }{
		{"", "katsudo"},
		{"katsudo", "katsudo"},
		{"./katsudo", "./katsudo"},
		{"/usr/local/bin/katsudo", "/usr/local/bin/katsudo"},
		{filepath.Join(os.TempDir(), "go-build1234567", "b001", "exe", "katsudo"), "go run ./cmd/katsudo"},
	}
	for _, tt := range tests {
		if got := progName(tt.arg0); got != tt.want {
			t.Errorf("progName(%q) = %q, want %q", tt.arg0, got, tt.want)
		}
	}
}
