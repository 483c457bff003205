// Package clean_propagator_pure propagates a tenant header from and to the
// baggage, in memory.
package clean_propagator_pure

import (
	"context"

	"go.opentelemetry.io/otel/baggage"
	"go.opentelemetry.io/otel/propagation"
)

// TenantPropagator carries the tenant in x-tenant.
type TenantPropagator struct{}

var _ propagation.TextMapPropagator = TenantPropagator{}

// Inject writes the tenant.
func (TenantPropagator) Inject(ctx context.Context, carrier propagation.TextMapCarrier) {
	if t := baggage.FromContext(ctx).Member("tenant").Value(); t != "" {
		carrier.Set("x-tenant", t)
	}
}

// Extract reads the tenant into the baggage.
func (TenantPropagator) Extract(ctx context.Context, carrier propagation.TextMapCarrier) context.Context {
	t := carrier.Get("x-tenant")
	if t == "" {
		return ctx
	}
	m, err := baggage.NewMember("tenant", t)
	if err != nil {
		return ctx
	}
	b, err := baggage.FromContext(ctx).SetMember(m)
	if err != nil {
		return ctx
	}
	return baggage.ContextWithBaggage(ctx, b)
}

// Fields lists the header.
func (TenantPropagator) Fields() []string { return []string{"x-tenant"} }
