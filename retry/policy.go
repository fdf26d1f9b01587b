package retry

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"
)

// Policy is how long and how often a call is tried again. The zero value
// is katsudo's default: a first pause of 1s doubling to at most 32s, a
// total wait of at most 3 minutes, no limit on attempts within it.
type Policy struct {
	// First is the pause after the first temporary failure; it doubles
	// after each further one, up to Max.
	First, Max time.Duration
	// Budget bounds the time one Do spends: from its first attempt to the
	// start of its last, slow attempts and waits together. A wait that
	// would cross it is not started: Do gives up at once.
	Budget time.Duration
	// Attempts, when positive, is the most calls Do makes.
	Attempts int
	// Timeout, when positive, bounds each attempt; an attempt that runs
	// out of it is temporary (the service did not answer in time).
	Timeout time.Duration
	// Sleep waits d or until ctx is done; Now is the clock. Tests replace
	// both; nil means the real ones.
	Sleep func(ctx context.Context, d time.Duration) error
	Now   func() time.Time
	// Jitter picks the actual pause for a computed one; nil spreads it
	// over its upper half at random, so that several katsudo processes
	// do not retry in step.
	Jitter func(d time.Duration) time.Duration
	// OnRetry, when set, hears about each wait before it starts (for the
	// log and the metrics).
	OnRetry func(r Retrying)
}

// Retrying describes one wait before another attempt.
type Retrying struct {
	Attempt int           // the attempt that just failed, from 1
	Reason  string        // "429", "502", "timeout", "network" …
	Wait    time.Duration // how long Do waits before the next attempt
	Err     error         // the failed attempt's error
}

// Defaults are the values the zero Policy stands for.
const (
	DefaultFirst  = time.Second
	DefaultMax    = 32 * time.Second
	DefaultBudget = 3 * time.Minute
)

// WithDefaults fills in what p leaves unset.
func (p Policy) WithDefaults() Policy {
	if p.First <= 0 {
		p.First = DefaultFirst
	}
	if p.Max <= 0 {
		p.Max = DefaultMax
	}
	if p.Max < p.First {
		p.Max = p.First
	}
	if p.Budget <= 0 {
		p.Budget = DefaultBudget
	}
	if p.Sleep == nil {
		p.Sleep = Sleep
	}
	if p.Now == nil {
		p.Now = time.Now
	}
	if p.Jitter == nil {
		p.Jitter = upperHalf
	}
	return p
}

// Backoff is the computed pause after the attempt-th failure (from 1),
// before jitter: First doubled per earlier failure, at most Max.
func (p Policy) Backoff(attempt int) time.Duration {
	p = p.WithDefaults()
	d := p.First
	for i := 1; i < attempt && d < p.Max; i++ {
		d *= 2
	}
	return min(d, p.Max)
}

// Sleep waits d, or until ctx is done, whichever comes first.
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func upperHalf(d time.Duration) time.Duration {
	if d <= 1 {
		return d
	}
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
}

// Error is a call that failed for good after Attempts tries and Waited
// time between them. It wraps the last attempt's error, so errors.Is and
// errors.As see through it; Temporary says whether that error was a
// temporary one that Do stopped retrying (the budget or the attempts ran
// out) rather than a refusal.
type Error struct {
	Err       error
	Attempts  int
	Waited    time.Duration
	Temporary bool
	Reason    string // the last temporary reason, when Temporary
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// errAttemptTimeout marks an attempt that ran out of Policy.Timeout.
var errAttemptTimeout = errors.New("no answer in time")
