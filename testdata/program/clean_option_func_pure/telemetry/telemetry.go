// Package telemetry has a span processor configured with a rename function.
package telemetry

import (
	"context"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// RenameProcessor renames spans.
type RenameProcessor struct{ rename func(string) string }

// NewRenameProcessor returns a processor using rename.
func NewRenameProcessor(rename func(string) string) *RenameProcessor {
	return &RenameProcessor{rename: rename}
}

// OnStart renames the span.
func (p *RenameProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetName(p.rename(s.Name()))
}

// OnEnd does nothing.
func (p *RenameProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *RenameProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *RenameProcessor) ForceFlush(context.Context) error { return nil }
