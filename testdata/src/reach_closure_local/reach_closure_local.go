// Package reach_closure_local stores a function literal in a local variable
// and calls it later. Function literals of a hook are part of its body: the
// finding is at the I/O call inside the literal, reported once however often
// the literal is called.
package reach_closure_local

import (
	"context"
	"os"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// BuildProcessor adds the build ID.
type BuildProcessor struct {
	path string
}

var _ sdktrace.SpanProcessor = (*BuildProcessor)(nil)

// OnStart adds build.id.
func (p *BuildProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	read := func() string {
		b, _ := os.ReadFile(p.path) // want `io: OnStart of \*BuildProcessor calls os\.ReadFile`
		return string(b)
	}
	if s.SpanContext().IsSampled() {
		s.SetAttributes(attribute.String("build.id", read()))
	}
}

// OnEnd does nothing.
func (p *BuildProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *BuildProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *BuildProcessor) ForceFlush(context.Context) error { return nil }
