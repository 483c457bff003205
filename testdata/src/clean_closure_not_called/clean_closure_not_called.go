// Package clean_closure_not_called makes a closure that does I/O in the
// hook but only stores it: Shutdown calls it, not the hook.
package clean_closure_not_called

import (
	"context"
	"os"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// FlushProcessor remembers what to write at shutdown.
type FlushProcessor struct {
	flush func() error
}

var _ sdktrace.SpanProcessor = (*FlushProcessor)(nil)

// OnStart records the last span name for shutdown.
func (p *FlushProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	name := s.Name()
	p.flush = func() error { return os.WriteFile("/tmp/last-span", []byte(name), 0o600) }
}

// OnEnd does nothing.
func (p *FlushProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown writes the last span name.
func (p *FlushProcessor) Shutdown(context.Context) error {
	if p.flush != nil {
		return p.flush()
	}
	return nil
}

// ForceFlush does nothing.
func (p *FlushProcessor) ForceFlush(context.Context) error { return nil }
