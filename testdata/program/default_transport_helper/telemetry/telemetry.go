// Package telemetry has a span processor that looks the region up with a
// helper of another package.
package telemetry

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/default_transport_helper/cloud"
)

// RegionProcessor stamps the region.
type RegionProcessor struct{}

// OnStart stamps the region.
func (p *RegionProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("cloud.region", cloud.Region())) // want `reentrancy: OnStart of \*RegionProcessor calls example\.com/prog/default_transport_helper/cloud\.Region, which calls net/http\.Get: http\.DefaultTransport is instrumented by otelhttp in package example\.com/prog/default_transport_helper \(main\.go:\d+\)`
}

// OnEnd does nothing.
func (p *RegionProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *RegionProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *RegionProcessor) ForceFlush(context.Context) error { return nil }
