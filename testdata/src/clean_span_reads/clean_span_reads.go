// Package clean_span_reads reads the span, its parent, its attributes and the
// baggage in the hook: all in memory.
package clean_span_reads

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/baggage"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// TenantProcessor copies the tenant from the baggage onto the span.
type TenantProcessor struct{}

var _ sdktrace.SpanProcessor = (*TenantProcessor)(nil)

// OnStart adds the tenant and whether the parent is remote.
func (p *TenantProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	if tenant := baggage.FromContext(ctx).Member("tenant").Value(); tenant != "" {
		s.SetAttributes(attribute.String("tenant", tenant))
	}
	parent := trace.SpanFromContext(ctx).SpanContext()
	s.SetAttributes(attribute.Bool("parent.remote", parent.IsRemote()))
	if s.SpanContext().IsSampled() && s.Parent().IsValid() {
		s.SetAttributes(attribute.String("parent.id", s.Parent().SpanID().String()))
	}
}

// OnEnd counts the error attributes.
func (p *TenantProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	n := 0
	for _, kv := range s.Attributes() {
		if kv.Key == "error" {
			n++
		}
	}
	_ = n + len(s.Events()) + int(s.Status().Code)
}

// Shutdown does nothing.
func (p *TenantProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *TenantProcessor) ForceFlush(context.Context) error { return nil }
