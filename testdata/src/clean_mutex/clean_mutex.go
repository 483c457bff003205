// Package clean_mutex takes mutexes around in-memory work in the hooks.
package clean_mutex

import (
	"context"
	"sync"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// CountProcessor counts spans per name.
type CountProcessor struct {
	mu     sync.Mutex
	counts map[string]int
	rw     sync.RWMutex
	labels map[string]string
}

var _ sdktrace.SpanProcessor = (*CountProcessor)(nil)

// NewCountProcessor returns a processor with the given labels.
func NewCountProcessor(labels map[string]string) *CountProcessor {
	return &CountProcessor{counts: make(map[string]int), labels: labels}
}

// OnStart adds the span's label.
func (p *CountProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	p.rw.RLock()
	label, ok := p.labels[s.Name()]
	p.rw.RUnlock()
	if ok {
		s.SetAttributes(attribute.String("label", label))
	}
}

// OnEnd counts the span.
func (p *CountProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.counts[s.Name()]++
}

// Shutdown does nothing.
func (p *CountProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *CountProcessor) ForceFlush(context.Context) error { return nil }
