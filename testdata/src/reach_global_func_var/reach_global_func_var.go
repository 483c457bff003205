// Package reach_global_func_var calls a function through a package-level
// variable (the usual seam for tests).
package reach_global_func_var

import (
	"context"
	"net"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// lookupRegion finds the region; tests replace it.
var lookupRegion = txtRegion

func txtRegion() string {
	recs, err := net.LookupTXT("region.service.internal")
	if err != nil || len(recs) == 0 {
		return ""
	}
	return recs[0]
}

// RegionProcessor adds cloud.region.
type RegionProcessor struct{}

var _ sdktrace.SpanProcessor = (*RegionProcessor)(nil)

// OnStart adds the region.
func (p *RegionProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("cloud.region", lookupRegion())) // want `network: OnStart of \*RegionProcessor calls txtRegion, which calls net\.LookupTXT`
}

// OnEnd does nothing.
func (p *RegionProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *RegionProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *RegionProcessor) ForceFlush(context.Context) error { return nil }
