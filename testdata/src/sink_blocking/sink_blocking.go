// Package sink_blocking waits on the hot path: a retry loop with back-off,
// a timer receive, waits for goroutines, a rate limiter and a semaphore.
package sink_blocking

import (
	"context"
	"errors"
	"sync"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"golang.org/x/sync/semaphore"
	"golang.org/x/time/rate"
)

// ShipProcessor posts every ended span, with retries.
type ShipProcessor struct {
	limiter *rate.Limiter
	sem     *semaphore.Weighted
	post    func(sdktrace.ReadOnlySpan) error
}

var _ sdktrace.SpanProcessor = (*ShipProcessor)(nil)

// OnStart waits for the rate limiter and the semaphore.
func (p *ShipProcessor) OnStart(ctx context.Context, _ sdktrace.ReadWriteSpan) {
	_ = p.limiter.Wait(ctx)       // want `blocking: OnStart of \*ShipProcessor calls \(\*golang\.org/x/time/rate\.Limiter\)\.Wait: a wait for the rate limiter on every span start; do not wait in a hook`
	if p.sem.Acquire(ctx, 1) == nil { // want `blocking: OnStart of \*ShipProcessor calls \(\*golang\.org/x/sync/semaphore\.Weighted\)\.Acquire: a wait for the semaphore`
		p.sem.Release(1)
	}
}

// OnEnd posts the span, backing off between attempts.
func (p *ShipProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	for attempt := 1; attempt <= 3; attempt++ {
		if p.post(s) == nil {
			return
		}
		backoff(attempt) // want `blocking: OnEnd of \*ShipProcessor calls backoff, which calls time\.Sleep: a sleep on every span end`
	}
	<-time.After(10 * time.Millisecond) // want `blocking: OnEnd of \*ShipProcessor calls time\.After: a wait for a timer \(a receive from time\.After\) on every span end`
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() { defer wg.Done(); _ = p.post(s) }()
	}
	wg.Wait() // want `blocking: OnEnd of \*ShipProcessor calls \(\*sync\.WaitGroup\)\.Wait: a wait for other goroutines`
}

func backoff(attempt int) {
	time.Sleep(time.Duration(attempt) * 100 * time.Millisecond)
}

// Shutdown does nothing.
func (p *ShipProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *ShipProcessor) ForceFlush(context.Context) error { return errors.ErrUnsupported }
