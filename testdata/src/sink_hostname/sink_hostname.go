// Package sink_hostname calls os.Hostname on every span start: cheap, but a
// system call per span.
package sink_hostname

import (
	"context"
	"os"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// HostProcessor adds host.name.
type HostProcessor struct{}

var _ sdktrace.SpanProcessor = (*HostProcessor)(nil)

// OnStart adds host.name.
func (p *HostProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("host.name", hostname())) // want `io: OnStart of \*HostProcessor calls hostname, which calls os\.Hostname`
}

func hostname() string {
	h, err := os.Hostname()
	if err != nil {
		return "unknown"
	}
	return h
}

// OnEnd does nothing.
func (p *HostProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *HostProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *HostProcessor) ForceFlush(context.Context) error { return nil }
