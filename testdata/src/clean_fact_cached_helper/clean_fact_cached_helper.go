// Package clean_fact_cached_helper calls another package's helper that
// caches plain I/O: silent, across the package boundary.
package clean_fact_cached_helper

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/fx/clean_fact_cached_helper/helper"
)

// IDProcessor stamps the machine ID.
type IDProcessor struct{}

var _ sdktrace.SpanProcessor = (*IDProcessor)(nil)

// OnStart stamps the machine ID.
func (p *IDProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("host.id", helper.MachineID()))
}

// OnEnd does nothing.
func (p *IDProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *IDProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *IDProcessor) ForceFlush(context.Context) error { return nil }
