// Package crosspkg calls a helper of another package from OnStart: the
// finding needs the helper's fact.
package crosspkg

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/fx/crosspkg/helper"
)

// HostProcessor adds host.ip.
type HostProcessor struct{}

var _ sdktrace.SpanProcessor = (*HostProcessor)(nil)

// OnStart adds host.ip.
func (p *HostProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("host.ip", helper.HostIP())) // want `network: OnStart of \*HostProcessor calls example\.com/fx/crosspkg/helper\.HostIP, which calls net/http\.Get`
}

// OnEnd does nothing.
func (p *HostProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *HostProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *HostProcessor) ForceFlush(context.Context) error { return nil }
