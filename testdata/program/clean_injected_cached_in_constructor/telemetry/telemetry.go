// Package telemetry has a span processor that asks its HostInfo once, in
// the constructor.
package telemetry

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// HostInfo says where the process runs.
type HostInfo interface {
	IP() string
}

// HostProcessor stamps host.ip.
type HostProcessor struct{ ip string }

// NewHostProcessor asks host once.
func NewHostProcessor(host HostInfo) *HostProcessor { return &HostProcessor{ip: host.IP()} }

// OnStart stamps the stored IP.
func (p *HostProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("host.ip", p.ip))
}

// OnEnd does nothing.
func (p *HostProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *HostProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *HostProcessor) ForceFlush(context.Context) error { return nil }
