package retry

import (
	"context"
	"errors"
	"time"
)

// Verdict is what a Classifier makes of a failed attempt.
type Verdict struct {
	// Temporary means the same call may succeed later.
	Temporary bool
	// After is how long the service asked to wait (Retry-After); Do
	// never waits less.
	After time.Duration
	// Reason names the failure for logs and messages: "429", "timeout" …
	Reason string
}

// Classifier says whether an attempt's error is worth another try. An
// adapter builds it from Status and Network and adds what only it knows
// (a refused key is never temporary).
type Classifier func(err error) Verdict

// Do calls fn until it succeeds, fails with an error classify does not
// call temporary, or another try would cross the policy's Budget (counted
// from the first attempt, slow attempts included, to the start of the
// next) or Attempts. It returns nil, the context's error when ctx ends, or an
// *Error wrapping the last attempt's error.
//
// Each attempt gets its own context bounded by Timeout; an attempt that
// runs out of it while ctx is still alive is temporary, whatever fn
// returned.
func (p Policy) Do(ctx context.Context, classify Classifier, fn func(ctx context.Context) error) error {
	p = p.WithDefaults()
	start := p.Now()
	var waited time.Duration
	for attempt := 1; ; attempt++ {
		err, timedOut := p.attempt(ctx, fn)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		v := Verdict{Temporary: true, Reason: "timeout"}
		if !timedOut {
			v = classify(err)
		}
		fail := &Error{Err: err, Attempts: attempt, Waited: waited, Temporary: v.Temporary, Reason: v.Reason}
		if !v.Temporary {
			return fail
		}
		if p.Attempts > 0 && attempt >= p.Attempts {
			return fail
		}
		wait := max(p.Jitter(p.Backoff(attempt)), v.After)
		if p.Now().Sub(start)+wait > p.Budget {
			return fail
		}
		if p.OnRetry != nil {
			p.OnRetry(Retrying{Attempt: attempt, Reason: v.Reason, Wait: wait, Err: err})
		}
		if err := p.Sleep(ctx, wait); err != nil {
			return err
		}
		waited += wait
	}
}

// attempt runs fn once under the policy's Timeout and says whether it ran
// out of it.
func (p Policy) attempt(ctx context.Context, fn func(ctx context.Context) error) (err error, timedOut bool) {
	if p.Timeout <= 0 {
		return fn(ctx), false
	}
	actx, cancel := context.WithTimeoutCause(ctx, p.Timeout, errAttemptTimeout)
	defer cancel()
	err = fn(actx)
	timedOut = err != nil && ctx.Err() == nil && errors.Is(context.Cause(actx), errAttemptTimeout)
	return err, timedOut
}
