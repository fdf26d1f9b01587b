package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// WriteTemplate writes the commented template to path unless a file is
// already there, naming the workbook when one was given. It reports
// whether it wrote. The file is readable by its owner only (0600): it
// names the organisation's spreadsheet and may come to hold the
// heartbeat URL, which works like a password.
func WriteTemplate(path, workbook string) (bool, error) {
	text := Template
	if workbook != "" {
		text = strings.Replace(text, "\nworkbook: \"\"\n", "\nworkbook: "+strconv.Quote(relativeTo(filepath.Dir(path), workbook))+"\n", 1)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("write the config: %w", err)
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		os.Remove(path)
		return false, fmt.Errorf("write the config %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return false, fmt.Errorf("write the config %s: %w", path, err)
	}
	return true, nil
}

// relativeTo is path as the config file's folder sees it: relative paths
// in katsudo.yaml start there.
func relativeTo(dir, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return abs
	}
	if rel, err := filepath.Rel(absDir, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return abs
}
