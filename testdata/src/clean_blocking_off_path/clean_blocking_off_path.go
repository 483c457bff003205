// Package clean_blocking_off_path waits, but never on the caller's path:
// in a goroutine the hook starts, inside a once-cache, and with channel
// operations as the SDK's batch processor uses them.
package clean_blocking_off_path

import (
	"context"
	"sync"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// QueueProcessor hands ended spans to a worker.
type QueueProcessor struct {
	queue chan sdktrace.ReadOnlySpan
	once  sync.Once
	post  func(sdktrace.ReadOnlySpan) error
}

var _ sdktrace.SpanProcessor = (*QueueProcessor)(nil)

// OnStart starts the worker once; the worker sleeps between batches.
func (p *QueueProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {
	p.once.Do(func() {
		time.Sleep(time.Millisecond) // once, not per span
		go p.work()
	})
}

func (p *QueueProcessor) work() {
	for s := range p.queue {
		for p.post(s) != nil {
			time.Sleep(100 * time.Millisecond)
		}
	}
}

// OnEnd enqueues without waiting, or drops; a retry of its own runs in a
// goroutine.
func (p *QueueProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	select {
	case p.queue <- s:
	default:
		go func() {
			time.Sleep(time.Second)
			p.queue <- s
		}()
	}
}

// Shutdown waits for nothing.
func (p *QueueProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *QueueProcessor) ForceFlush(context.Context) error { return nil }
