// genbig writes the demo workbook with an activity log of any length, for
// measuring katsudo at scale: go run ./demo/genbig -rows 1000000 -o big.xlsx
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/katsudo-npo/katsudo/demo"
)

func main() {
	rows := flag.Int("rows", 100_000, "rows in the activity log")
	out := flag.String("o", "big.xlsx", "the workbook to write")
	flag.Parse()
	if err := write(*out, *rows); err != nil {
		fmt.Fprintln(os.Stderr, "genbig:", err)
		os.Exit(1)
	}
}

func write(path string, rows int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := demo.WriteBigWorkbook(w, rows); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
