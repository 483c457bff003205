// Package base has a partial span processor, meant to be embedded: it is
// not a SpanProcessor on its own, so no finding is reported here.
package base

import (
	"context"
	"os"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// HostAttrs stamps host.name on every span.
type HostAttrs struct{}

// OnStart stamps host.name.
func (HostAttrs) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) { // want OnStart:"reaches io via os.Hostname"
	name, _ := os.Hostname()
	s.SetAttributes(attribute.String("host.name", name))
}
