// Package hostproc is a published span processor that stamps the host
// name, read on every span.
package hostproc

import (
	"context"
	"os"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Processor stamps host.name.
type Processor struct{}

// New returns a Processor.
func New() *Processor { return &Processor{} }

// OnStart stamps the host name.
func (*Processor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	name, _ := os.Hostname()
	s.SetAttributes(attribute.String("host.name", name))
}

// OnEnd does nothing.
func (*Processor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (*Processor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (*Processor) ForceFlush(context.Context) error { return nil }
