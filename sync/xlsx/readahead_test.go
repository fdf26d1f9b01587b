package xlsx

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"testing"
	"testing/iotest"
)

// newTestAhead inflates-ahead r as openPart does for a large part.
func newTestAhead(r io.Reader) *readAhead {
	return startAhead(io.NopCloser(r))
}

func TestReadAheadHandsOutEveryByteInOrder(t *testing.T) {
	data := make([]byte, 3*aheadChunk*aheadDepth+12345)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range data {
		data[i] = byte(rng.Uint32())
	}
	// One byte at a time from below, odd sizes from above: chunk
	// boundaries fall everywhere.
	a := newTestAhead(iotest.OneByteReader(bytes.NewReader(data)))
	got, err := io.ReadAll(iotest.HalfReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) {
		t.Errorf("read %d bytes, not the %d written", len(got), len(data))
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestReadAheadReportsTheErrorAfterTheBytesBeforeIt(t *testing.T) {
	broken := errors.New("flate: corrupt input")
	data := bytes.Repeat([]byte("<row/>"), aheadChunk)
	a := newTestAhead(io.MultiReader(bytes.NewReader(data), iotest.ErrReader(broken)))
	defer a.Close()
	got, err := io.ReadAll(a)
	if !errors.Is(err, broken) {
		t.Errorf("err = %v, want %v", err, broken)
	}
	if !bytes.Equal(got, data) {
		t.Errorf("read %d bytes before the error, want %d", len(got), len(data))
	}
	if n, err := a.Read(make([]byte, 8)); n != 0 || !errors.Is(err, broken) {
		t.Errorf("read again: %d, %v; want 0, %v", n, err, broken)
	}
}

// endless never ends, so the goroutine stops only because Close asks it to.
type endless struct{}

func (endless) Read(p []byte) (int, error) { return len(p), nil }

func TestReadAheadClosedEarlyStopsItsGoroutine(t *testing.T) {
	a := newTestAhead(endless{})
	if _, err := io.ReadFull(a, make([]byte, aheadChunk+1)); err != nil {
		t.Fatal(err)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-a.done:
	default:
		t.Error("the inflating goroutine is still running after Close")
	}
}

// panicky stands for an inflater that panics on a damaged stream.
type panicky struct{}

func (panicky) Read([]byte) (int, error) { panic("index out of range") }

func TestReadAheadTurnsAPanicIntoAnError(t *testing.T) {
	a := newTestAhead(panicky{})
	defer a.Close()
	if _, err := io.ReadAll(a); err == nil {
		t.Error("read a stream whose inflater panicked without an error")
	}
}
