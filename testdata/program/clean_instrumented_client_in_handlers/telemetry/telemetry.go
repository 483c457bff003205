// Package telemetry has a span processor that only renames spans.
package telemetry

import (
	"context"
	"strings"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// LowerProcessor lowers span names.
type LowerProcessor struct{}

// OnStart lowers the name.
func (LowerProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetName(strings.ToLower(s.Name()))
}

// OnEnd does nothing.
func (LowerProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (LowerProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (LowerProcessor) ForceFlush(context.Context) error { return nil }
