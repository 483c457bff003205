// Package root_propagator does I/O in a TextMapPropagator, which runs in
// every instrumented request.
package root_propagator

import (
	"context"
	"net"
	"os"
	"strings"

	"go.opentelemetry.io/otel/propagation"
)

// TenantPropagator sends the tenant read from a file and logs the caller's
// name.
type TenantPropagator struct {
	path string
}

var _ propagation.TextMapPropagator = TenantPropagator{}

// Inject sets the tenant header.
func (p TenantPropagator) Inject(ctx context.Context, carrier propagation.TextMapCarrier) {
	carrier.Set("x-tenant", p.tenant()) // want `io: Inject of TenantPropagator calls TenantPropagator\.tenant, which calls os\.ReadFile`
}

// Extract reverse-resolves the caller.
func (p TenantPropagator) Extract(ctx context.Context, carrier propagation.TextMapCarrier) context.Context {
	if ip := carrier.Get("x-forwarded-for"); ip != "" {
		_, _ = net.LookupAddr(ip) // want `network: Extract of TenantPropagator calls net\.LookupAddr`
	}
	return ctx
}

// Fields lists the header.
func (p TenantPropagator) Fields() []string { return []string{"x-tenant"} }

func (p TenantPropagator) tenant() string {
	b, _ := os.ReadFile(p.path)
	return strings.TrimSpace(string(b))
}
