// Package clean_defer_unlock holds a mutex (deferred unlock) around pure
// work in the hook: a lock is not a finding, only what runs under it.
package clean_defer_unlock

import (
	"context"
	"sync"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// CountProcessor counts spans per name.
type CountProcessor struct {
	mu     sync.Mutex
	counts map[string]int
}

var _ sdktrace.SpanProcessor = (*CountProcessor)(nil)

// OnStart counts the span.
func (p *CountProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.counts == nil {
		p.counts = make(map[string]int)
	}
	p.counts[s.Name()]++
}

// OnEnd does nothing.
func (p *CountProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *CountProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *CountProcessor) ForceFlush(context.Context) error { return nil }
