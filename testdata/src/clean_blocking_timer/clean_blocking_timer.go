// Package clean_blocking_timer uses timers without making a hook wait: a
// select with a default case, a select on the context and a queue, and a
// timer in the goroutine the constructor starts.
package clean_blocking_timer

import (
	"context"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// QueueProcessor hands spans to a worker.
type QueueProcessor struct{ queue chan sdktrace.ReadOnlySpan }

// NewQueueProcessor starts the worker, which flushes on a timer.
func NewQueueProcessor() *QueueProcessor {
	p := &QueueProcessor{queue: make(chan sdktrace.ReadOnlySpan, 64)}
	go func() {
		for {
			select {
			case <-p.queue:
			case <-time.After(time.Second):
			}
		}
	}()
	return p
}

// OnStart never waits: the default case runs when nothing is ready.
func (p *QueueProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {
	select {
	case <-time.After(time.Millisecond):
	default:
	}
}

// OnEnd waits only for room in the queue or for shutdown.
func (p *QueueProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	select {
	case p.queue <- s:
	case <-context.Background().Done():
	}
}

// Shutdown does nothing.
func (p *QueueProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *QueueProcessor) ForceFlush(context.Context) error { return nil }
