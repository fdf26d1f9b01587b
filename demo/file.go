package demo

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Path is where this demo writes its workbook: katsudo-demo.xlsx in
// dir, unless a file of that name is there that the demo did not leave as
// it is — someone opened it and changed it, or it is their own file. That
// one is never overwritten: the demo writes katsudo-demo-2.xlsx (or the
// next free name) and says so. A demo workbook is known by the SHA-256
// the demo noted beside it (.katsudo-demo.xlsx.sha256) when it wrote it.
func Path(dir string) (path string, kept string, err error) {
	path = filepath.Join(dir, File)
	for n := 2; ; n++ {
		untouched, err := demoUntouched(path)
		switch {
		case err != nil:
			return "", "", err
		case untouched:
			if n > 2 {
				kept = filepath.Join(dir, File)
			}
			return path, kept, nil
		}
		path = filepath.Join(dir, strings.TrimSuffix(File, ".xlsx")+"-"+strconv.Itoa(n)+".xlsx")
	}
}

// demoUntouched reports whether path is free to write: missing, or the
// demo's own output as the demo left it.
func demoUntouched(path string) (bool, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("look at %s: %w", path, err)
	}
	noted, err := os.ReadFile(demoSumPath(path))
	if err != nil {
		return false, nil // not noted by the demo: someone's own file
	}
	return strings.TrimSpace(string(noted)) == sum(data), nil
}

// Note notes the SHA-256 of the workbook the demo just wrote.
func Note(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return os.WriteFile(demoSumPath(path), []byte(sum(data)+"\n"), 0o644)
}

func demoSumPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".sha256")
}

func sum(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}
