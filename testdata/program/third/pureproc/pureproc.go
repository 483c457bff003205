// Package pureproc is a published span processor that stamps a constant.
package pureproc

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Processor stamps the service tier.
type Processor struct{ Tier string }

// OnStart stamps the tier.
func (p *Processor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("service.tier", p.Tier))
}

// OnEnd does nothing.
func (*Processor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (*Processor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (*Processor) ForceFlush(context.Context) error { return nil }
