// Package bodylimit bounds how much of an answer katsudo reads from Google
// or Slack. A misbehaving proxy that answers a gigabyte of HTML, or a
// service that streams without end, must cost a run a clear error, not
// the small machine's memory. Error answers are only read for their
// message, so they are cut quietly; a success answer larger than allowed
// is an error, never silently half-read data.
//
// Standard library only, so that both the sync/sheets and the bot
// adapters can use it without importing each other.
package bodylimit

import (
	"errors"
	"fmt"
	"io"
	"net/http"
)

// Defaults for Transport.
const (
	// DefaultOK is the most read of a success answer: a 100,000-row log
	// tab is some tens of megabytes as JSON.
	DefaultOK = 256 << 20
	// DefaultError is the most read of an error answer (status ≥ 400).
	DefaultError = 64 << 10
)

// ErrTooLarge is a success answer larger than the transport allows.
var ErrTooLarge = errors.New("the answer is larger than katsudo reads")

// Transport is an http.RoundTripper that bounds every answer's body: a
// success answer to OK bytes (reading past it fails with ErrTooLarge), an
// error answer to Error bytes (the rest is dropped).
type Transport struct {
	Base      http.RoundTripper // nil means http.DefaultTransport
	OK, Error int64             // 0 means the defaults
}

// Wrap returns base bounded with the default limits.
func Wrap(base http.RoundTripper) *Transport { return &Transport{Base: base} }

// Client returns a copy of c (nil: a new client) whose success answers
// are bounded to ok bytes (0: DefaultOK) and error answers to DefaultError.
func Client(c *http.Client, ok int64) *http.Client {
	out := &http.Client{}
	if c != nil {
		*out = *c
	}
	if _, bounded := out.Transport.(*Transport); !bounded {
		out.Transport = &Transport{Base: out.Transport, OK: ok}
	}
	return out
}

// RoundTrip sends req through Base and bounds the answer's body.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	resp, err := base.RoundTrip(req)
	if err != nil || resp.Body == nil {
		return resp, err
	}
	okMax, errMax := t.OK, t.Error
	if okMax <= 0 {
		okMax = DefaultOK
	}
	if errMax <= 0 {
		errMax = DefaultError
	}
	if resp.StatusCode >= 400 {
		resp.Body = &body{r: io.LimitReader(resp.Body, errMax), c: resp.Body}
		resp.ContentLength = -1
		return resp, nil
	}
	resp.Body = &body{r: &strict{r: resp.Body, left: okMax, max: okMax}, c: resp.Body}
	return resp, nil
}

// body reads through r and closes the original body.
type body struct {
	r io.Reader
	c io.Closer
}

func (b *body) Read(p []byte) (int, error) { return b.r.Read(p) }
func (b *body) Close() error               { return b.c.Close() }

// strict reads at most max bytes and fails past them.
type strict struct {
	r         io.Reader
	left, max int64
}

func (s *strict) Read(p []byte) (int, error) {
	if s.left <= 0 {
		// One more byte says whether the answer ended exactly at max.
		var one [1]byte
		n, err := s.r.Read(one[:])
		if n > 0 {
			return 0, fmt.Errorf("%w (%d bytes)", ErrTooLarge, s.max)
		}
		return 0, err
	}
	if int64(len(p)) > s.left {
		p = p[:s.left]
	}
	n, err := s.r.Read(p)
	s.left -= int64(n)
	return n, err
}
