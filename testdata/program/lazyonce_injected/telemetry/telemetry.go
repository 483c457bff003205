// Package telemetry has a span processor that reads a value from a
// function the program gives it.
package telemetry

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// ZoneProcessor stamps the zone.
type ZoneProcessor struct {
	zone func() string
}

// NewZoneProcessor returns a processor calling zone.
func NewZoneProcessor(zone func() string) *ZoneProcessor { return &ZoneProcessor{zone: zone} }

// OnStart stamps the zone.
func (p *ZoneProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("zone", p.zone())) // want `deadlock: OnStart of \*ZoneProcessor calls example\.com/prog/lazyonce_injected\.fetchZone \(lazily cached by sync\.OnceValue\), which calls \(\*net/http\.Client\)\.Get: sync\.OnceValue is a lazy once-cache around a call that starts a span`
}

// OnEnd does nothing.
func (p *ZoneProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *ZoneProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *ZoneProcessor) ForceFlush(context.Context) error { return nil }
