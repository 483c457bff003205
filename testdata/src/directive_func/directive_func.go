// Package directive_func calls a reviewed function of another package
// (silent) and an unreviewed one (flagged).
package directive_func

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/fx/directive_func/helper"
)

// HostProcessor adds host attributes.
type HostProcessor struct{}

var _ sdktrace.SpanProcessor = (*HostProcessor)(nil)

// OnStart adds host attributes.
func (p *HostProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("host.name", helper.Hostname()))
	s.SetAttributes(attribute.String("host.id", helper.MachineID())) // want `io: OnStart of \*HostProcessor calls example\.com/fx/directive_func/helper\.MachineID, which calls os\.ReadFile`
}

// OnEnd does nothing.
func (p *HostProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *HostProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *HostProcessor) ForceFlush(context.Context) error { return nil }
