package activity

import (
	"runtime"
	"sync"
)

// parallelRows is the number of log rows from which Load reads them on
// more than one goroutine: a part of the log per core, each with its own
// memos, which on two cores halves the time a large log takes to load.
const parallelRows = 20_000

// loadParts is how many goroutines read a log of that many rows.
func loadParts(rows int) int { return min(runtime.GOMAXPROCS(0), 4, rows/parallelRows) }

// readEntries reads the log's rows into entries (one per row, in order),
// parts of them at once, and appends their findings in row order, as
// reading them one after the other would.
func readEntries(t *Table, cat *Catalog, ro *Roster, entries []Entry, fs []Finding, parts int) []Finding {
	rows := t.Rows
	parts = min(parts, len(rows))
	if parts <= 1 {
		return readEntryRange(t, cat, ro, rows, entries, fs)
	}
	found := make([][]Finding, parts)
	panics := make([]any, parts)
	var wg sync.WaitGroup
	for i := range parts {
		lo, hi := i*len(rows)/parts, (i+1)*len(rows)/parts
		wg.Go(func() {
			defer func() { panics[i] = recover() }()
			found[i] = readEntryRange(t, cat, ro, rows[lo:hi], entries[lo:hi], nil)
		})
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p) // where a caller that recovers can see it, as without goroutines
		}
	}
	for _, f := range found {
		fs = append(fs, f...)
	}
	return fs
}

// readEntryRange reads rows into entries, which is as long.
func readEntryRange(t *Table, cat *Catalog, ro *Roster, rows []int, entries []Entry, fs []Finding) []Finding {
	lr := &logReader{t: t, cat: cat, ro: ro}
	for i, r := range rows {
		fs = lr.readEntryTo(&entries[i], r, fs)
		fs = longCells(t, r, entries[i].Member, fs)
	}
	return fs
}

// inParallel starts f on its own goroutine when parallel is set, else
// runs it at once; wait returns its result, and raises again a panic of
// f where the caller can recover it, as without a goroutine.
func inParallel[T any](parallel bool, f func() T) (wait func() T) {
	if !parallel {
		v := f()
		return func() T { return v }
	}
	var (
		v   T
		p   any
		end = make(chan struct{})
	)
	go func() {
		defer close(end)
		defer func() { p = recover() }()
		v = f()
	}()
	return func() T {
		<-end
		if p != nil {
			panic(p)
		}
		return v
	}
}
