// Package telemetry has a span processor that runs a list of enrichers.
package telemetry

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Enricher adds an attribute.
type Enricher interface {
	Enrich() attribute.KeyValue
}

// EnrichProcessor runs its enrichers on every span.
type EnrichProcessor struct {
	enrichers []Enricher
}

// NewEnrichProcessor returns a processor running es.
func NewEnrichProcessor(es []Enricher) *EnrichProcessor { return &EnrichProcessor{enrichers: es} }

// OnStart runs the enrichers.
func (p *EnrichProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	for _, e := range p.enrichers {
		s.SetAttributes(e.Enrich()) // want `network: OnStart of \*EnrichProcessor calls \(\*example\.com/prog/iface_in_slice/enrich\.Zone\)\.Enrich .*which calls net\.LookupHost`
	}
}

// OnEnd does nothing.
func (p *EnrichProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *EnrichProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *EnrichProcessor) ForceFlush(context.Context) error { return nil }
