// Package clean_atomic_value publishes a value through atomic.Value from a
// ticker goroutine the constructor starts; the hook only loads it.
package clean_atomic_value

import (
	"context"
	"os"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// LimitProcessor stamps the container's memory limit.
type LimitProcessor struct{ limit atomic.Value }

var _ sdktrace.SpanProcessor = (*LimitProcessor)(nil)

// NewLimitProcessor refreshes the limit every minute in the background.
func NewLimitProcessor() *LimitProcessor {
	p := &LimitProcessor{}
	p.refresh()
	go func() {
		for range time.Tick(time.Minute) {
			p.refresh()
		}
	}()
	return p
}

func (p *LimitProcessor) refresh() {
	b, _ := os.ReadFile("/sys/fs/cgroup/memory.max")
	p.limit.Store(string(b))
}

// OnStart stamps the limit.
func (p *LimitProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	v, _ := p.limit.Load().(string)
	s.SetAttributes(attribute.String("container.memory.limit", v))
}

// OnEnd does nothing.
func (p *LimitProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *LimitProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *LimitProcessor) ForceFlush(context.Context) error { return nil }
