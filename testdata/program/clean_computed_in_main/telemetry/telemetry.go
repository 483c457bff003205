// Package telemetry has a span processor stamping a value it is given.
package telemetry

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// HostProcessor stamps host.ip.
type HostProcessor struct{ ip string }

// NewHostProcessor returns a processor stamping ip.
func NewHostProcessor(ip string) *HostProcessor { return &HostProcessor{ip: ip} }

// OnStart stamps the IP.
func (p *HostProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("host.ip", p.ip))
}

// OnEnd does nothing.
func (p *HostProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *HostProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *HostProcessor) ForceFlush(context.Context) error { return nil }
