package xlsx

import (
	"fmt"
	"io"
)

// aheadMin is the size (inflated) from which a part is inflated on a
// goroutine of its own: a log of 100,000 rows is about 34 MB of XML.
const aheadMin = 1 << 20

// Chunks of inflated XML a readAhead holds: 4 × 256 KiB in flight.
const (
	aheadChunk = 256 << 10
	aheadDepth = 4
)

// readAhead inflates a part on its own goroutine while the scanner reads
// what came before, so that on two cores reading a large log costs about
// the larger of inflating and scanning rather than their sum. Its memory
// is a few chunks whatever the size of the part.
type readAhead struct {
	rc   io.ReadCloser
	full chan []byte // chunks inflated, in order; closed at the end
	free chan []byte // chunks the reader is done with
	stop chan struct{}
	done chan struct{}
	err  error  // why the goroutine stopped early; read once full is closed
	cur  []byte // what is left of the chunk being read
	held []byte // that chunk, to give back
}

// openPart opens a part for streaming, inflating ahead when it is large.
func (p *xlsxPackage) openPart(part string) (io.ReadCloser, error) {
	rc, err := p.open(part)
	if err != nil {
		return nil, err
	}
	if zf := p.parts[partKey(part)]; zf.UncompressedSize64 < aheadMin {
		return rc, nil
	}
	return startAhead(rc), nil
}

// startAhead starts inflating rc ahead of its reader.
func startAhead(rc io.ReadCloser) *readAhead {
	a := &readAhead{rc: rc, full: make(chan []byte, aheadDepth), free: make(chan []byte, aheadDepth+1),
		stop: make(chan struct{}), done: make(chan struct{})}
	for range aheadDepth + 1 {
		a.free <- make([]byte, aheadChunk)
	}
	go a.run()
	return a
}

// run inflates chunk after chunk until the end, an error or Close.
func (a *readAhead) run() {
	defer close(a.done)
	defer close(a.full)
	defer func() {
		if v := recover(); v != nil {
			a.err = fmt.Errorf("inflating: %v", v)
		}
	}()
	for {
		var b []byte
		select {
		case b = <-a.free:
		case <-a.stop:
			return
		}
		n, err := fillChunk(a.rc, b)
		if n > 0 {
			select {
			case a.full <- b[:n]:
			case <-a.stop:
				return
			}
		}
		if err != nil {
			if err != io.EOF {
				a.err = err
			}
			return
		}
	}
}

// fillChunk reads into b until it is full or r stops; io.EOF only at the end.
func fillChunk(r io.Reader, b []byte) (int, error) {
	n := 0
	for n < len(b) {
		m, err := r.Read(b[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// Read hands out the inflated bytes in order.
func (a *readAhead) Read(p []byte) (int, error) {
	for len(a.cur) == 0 {
		if a.held != nil {
			a.free <- a.held[:cap(a.held)]
			a.held = nil
		}
		b, ok := <-a.full
		if !ok {
			if a.err != nil {
				return 0, a.err
			}
			return 0, io.EOF
		}
		a.held, a.cur = b, b
	}
	n := copy(p, a.cur)
	a.cur = a.cur[n:]
	return n, nil
}

// Close stops the goroutine, waits for it, and closes the part.
func (a *readAhead) Close() error {
	close(a.stop)
	<-a.done
	return a.rc.Close()
}
