// Package telemetry has a span processor that stamps the host IP from a
// HostInfo the program injects.
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

// HostProcessor stamps host.ip on every span.
type HostProcessor struct {
	host HostInfo
}

// NewHostProcessor returns a processor reading host.
func NewHostProcessor(host HostInfo) *HostProcessor { return &HostProcessor{host: host} }

// OnStart stamps the IP.
func (p *HostProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("host.ip", p.host.IP())) // want `reentrancy: OnStart of \*HostProcessor calls \(\*example\.com/prog/iface_injected_instrumented/hostinfo\.IMDS\)\.IP \(HostInfo is \*hostinfo\.IMDS, set at main\.go:\d+\), which calls net/http\.Get: http\.DefaultTransport is instrumented by otelhttp in package example\.com/prog/iface_injected_instrumented \(main\.go:\d+\), so the call starts a span`
}

// OnEnd does nothing.
func (p *HostProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *HostProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *HostProcessor) ForceFlush(context.Context) error { return nil }
