package retry_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/retry"
)

// clock is a fake clock: Sleep advances it and records each wait.
type clock struct {
	now   time.Time
	waits []time.Duration
}

func (c *clock) Now() time.Time { return c.now }

func (c *clock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.waits = append(c.waits, d)
	c.now = c.now.Add(d)
	return nil
}

// MustPolicy is a policy on a fake clock without jitter.
func MustPolicy(tb testing.TB, p retry.Policy) (retry.Policy, *clock) {
	tb.Helper()
	c := &clock{now: time.Date(2022, 5, 10, 3, 0, 0, 0, time.UTC)}
	p.Sleep, p.Now = c.Sleep, c.Now
	p.Jitter = func(d time.Duration) time.Duration { return d }
	return p, c
}

// statusErr is an answer with an HTTP status, as an adapter sees it.
type statusErr struct {
	code int
	h    http.Header
}

func (e statusErr) Error() string { return fmt.Sprintf("status %d", e.code) }

func byStatus(now func() time.Time) retry.Classifier {
	return func(err error) retry.Verdict {
		var se statusErr
		if errors.As(err, &se) {
			return retry.Status(se.code, se.h, now())
		}
		return retry.Verdict{}
	}
}

// answers makes fn return each error in turn, then nil.
func answers(errs ...error) (fn func(context.Context) error, calls *int) {
	calls = new(int)
	return func(context.Context) error {
		*calls++
		if *calls <= len(errs) {
			return errs[*calls-1]
		}
		return nil
	}, calls
}

func TestDo(t *testing.T) {
	retryAfter := func(v string) http.Header { return http.Header{"Retry-After": {v}} }
	tests := []struct {
		name      string
		policy    retry.Policy
		errs      []error
		wantErr   bool
		wantCalls int
		wantWaits []time.Duration
	}{
		{"SucceedsAtOnce", retry.Policy{}, nil, false, 1, nil},
		{"429IsWaitedOut", retry.Policy{}, []error{statusErr{code: 429}}, false, 2, []time.Duration{time.Second}},
		{"5xxAreWaitedOutWithGrowingPauses", retry.Policy{},
			[]error{statusErr{code: 500}, statusErr{code: 502}, statusErr{code: 503}, statusErr{code: 504}}, false, 5,
			[]time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second}},
		{"RetryAfterIsHonoured", retry.Policy{}, []error{statusErr{429, retryAfter("7")}}, false, 2, []time.Duration{7 * time.Second}},
		{"RetryAfterShorterThanBackoffWaitsTheBackoff", retry.Policy{First: 4 * time.Second}, []error{statusErr{503, retryAfter("1")}}, false, 2, []time.Duration{4 * time.Second}},
		{"RetryAfterAsADate", retry.Policy{}, []error{statusErr{429, retryAfter("Tue, 10 May 2022 03:00:30 GMT")}}, false, 2, []time.Duration{30 * time.Second}},
		{"RefusalIsNotRetried", retry.Policy{}, []error{statusErr{code: 403}}, true, 1, nil},
		{"501IsARefusal", retry.Policy{}, []error{statusErr{code: 501}}, true, 1, nil},
		{"UnknownErrorIsNotRetried", retry.Policy{}, []error{errors.New("bad key")}, true, 1, nil},
		{"RetryAfterBeyondBudgetGivesUpAtOnce", retry.Policy{Budget: time.Minute}, []error{statusErr{429, retryAfter("61")}}, true, 1, nil},
		{"BudgetBoundsTheTotalWait", retry.Policy{First: 10 * time.Second, Max: 10 * time.Second, Budget: 25 * time.Second},
			[]error{statusErr{code: 503}, statusErr{code: 503}, statusErr{code: 503}, statusErr{code: 503}}, true, 3,
			[]time.Duration{10 * time.Second, 10 * time.Second}},
		{"AttemptsBoundTheCalls", retry.Policy{Attempts: 2}, []error{statusErr{code: 500}, statusErr{code: 500}}, true, 2, []time.Duration{time.Second}},
		{"PausesStopGrowingAtMax", retry.Policy{First: time.Second, Max: 3 * time.Second},
			[]error{statusErr{code: 500}, statusErr{code: 500}, statusErr{code: 500}}, false, 4,
			[]time.Duration{time.Second, 2 * time.Second, 3 * time.Second}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, c := MustPolicy(t, tt.policy)
			fn, calls := answers(tt.errs...)
			err := p.Do(context.Background(), byStatus(c.Now), fn)
			if (err != nil) != tt.wantErr {
				t.Fatalf("got %v, want error %v", err, tt.wantErr)
			}
			if *calls != tt.wantCalls {
				t.Errorf("got %d calls, want %d", *calls, tt.wantCalls)
			}
			if fmt.Sprint(c.waits) != fmt.Sprint(tt.wantWaits) {
				t.Errorf("got waits %v, want %v", c.waits, tt.wantWaits)
			}
			if err == nil {
				return
			}
			var re *retry.Error
			if !errors.As(err, &re) {
				t.Fatalf("got %T, want *retry.Error", err)
			}
			if re.Attempts != tt.wantCalls {
				t.Errorf("got Attempts %d, want %d", re.Attempts, tt.wantCalls)
			}
			var se statusErr
			if want := tt.errs[len(tt.errs)-1]; errors.As(want, &se) && !errors.As(err, &se) {
				t.Errorf("the chain lost the last error: %v", err)
			}
		})
	}
}

func TestDo_TimeoutIsTemporary(t *testing.T) {
	p, c := MustPolicy(t, retry.Policy{Timeout: 10 * time.Millisecond})
	calls := 0
	err := p.Do(context.Background(), byStatus(c.Now), func(ctx context.Context) error {
		calls++
		if calls == 1 {
			<-ctx.Done() // a service that does not answer
			return ctx.Err()
		}
		return nil
	})
	if err != nil || calls != 2 {
		t.Fatalf("got %v after %d calls, want success after 2", err, calls)
	}
}

func TestDo_CanceledStopsAtOnce(t *testing.T) {
	p, c := MustPolicy(t, retry.Policy{})
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	err := p.Do(ctx, byStatus(c.Now), func(context.Context) error {
		calls++
		cancel()
		return statusErr{code: 503}
	})
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Fatalf("got %v after %d calls, want the context's error after 1", err, calls)
	}
}

func TestDo_OnRetryHearsEachWait(t *testing.T) {
	p, c := MustPolicy(t, retry.Policy{})
	var heard []string
	p.OnRetry = func(r retry.Retrying) { heard = append(heard, fmt.Sprintf("%d:%s:%s", r.Attempt, r.Reason, r.Wait)) }
	fn, _ := answers(statusErr{code: 502}, statusErr{code: 429})
	if err := p.Do(context.Background(), byStatus(c.Now), fn); err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(heard), "[1:502:1s 2:429:2s]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestDo_RealSleepWaits(t *testing.T) {
	p := retry.Policy{First: 20 * time.Millisecond, Jitter: func(d time.Duration) time.Duration { return d }}
	fn, _ := answers(statusErr{code: 503})
	start := time.Now()
	if err := p.Do(context.Background(), byStatus(time.Now), fn); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took < 20*time.Millisecond {
		t.Errorf("took %v, want at least the 20ms pause", took)
	}
}

// TestDo_BudgetCountsSlowAttempts stops when slow attempts and waits
// together would cross the budget, so a service that never answers in
// time cannot hold a run for attempts × Timeout.
func TestDo_BudgetCountsSlowAttempts(t *testing.T) {
	p, c := MustPolicy(t, retry.Policy{Budget: 50 * time.Second})
	calls := 0
	err := p.Do(context.Background(), byStatus(c.Now), func(context.Context) error {
		calls++
		c.now = c.now.Add(20 * time.Second) // each attempt takes 20s, then 503
		return statusErr{code: 503}
	})
	if err == nil {
		t.Fatal("got success, want the budget to end it")
	}
	// The second attempt starts at 21s, the third at 43s; the fourth
	// would start at 63s + 4s, past 50s.
	if calls != 3 {
		t.Errorf("got %d calls, want 3", calls)
	}
}
