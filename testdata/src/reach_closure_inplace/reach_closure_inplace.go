// Package reach_closure_inplace does its I/O in a function literal called
// where it is written. Function literals of a hook are part of its body: the
// finding is at the I/O call inside the literal.
package reach_closure_inplace

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
	var id string
	func() {
		b, err := os.ReadFile(p.path) // want `io: OnStart of \*BuildProcessor calls os\.ReadFile`
		if err == nil {
			id = string(b)
		}
	}()
	s.SetAttributes(attribute.String("build.id", id))
}

// OnEnd does nothing.
func (p *BuildProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *BuildProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *BuildProcessor) ForceFlush(context.Context) error { return nil }
