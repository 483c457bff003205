// Package clean_otel_handle reports a problem through otel.Handle, the
// documented way for a hook to report errors.
package clean_otel_handle

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

var errUnnamed = errors.New("span without a name")

// CheckProcessor reports spans without a name.
type CheckProcessor struct{}

var _ sdktrace.SpanProcessor = (*CheckProcessor)(nil)

// OnStart reports unnamed spans.
func (p *CheckProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	if s.Name() == "" {
		otel.Handle(errUnnamed)
	}
}

// OnEnd does nothing.
func (p *CheckProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *CheckProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *CheckProcessor) ForceFlush(context.Context) error { return nil }
