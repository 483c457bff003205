// Package root_promoted gets its OnStart from an embedded type: hostBase alone
// is not a SpanProcessor, HostProcessor is, through the promoted method.
package root_promoted

import (
	"context"
	"os"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

type hostBase struct{}

// OnStart adds host.name.
func (hostBase) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	name, _ := os.Hostname() // want `io: OnStart of \*HostProcessor calls os\.Hostname`
	s.SetAttributes(attribute.String("host.name", name))
}

// HostProcessor is a SpanProcessor with hostBase's OnStart.
type HostProcessor struct {
	hostBase
}

var _ sdktrace.SpanProcessor = (*HostProcessor)(nil)

// OnEnd does nothing.
func (*HostProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (*HostProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (*HostProcessor) ForceFlush(context.Context) error { return nil }
