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
	s.SetAttributes(attribute.String("host.ip", p.host.IP())) // want `network: OnStart of \*HostProcessor calls \(\*example\.com/prog/iface_injected_imds/hostinfo\.IMDS\)\.IP \(HostInfo is \*hostinfo\.IMDS, set at main\.go:14\), which calls net/http\.Get: network I/O on every span start`
}

// OnEnd does nothing.
func (p *HostProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *HostProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *HostProcessor) ForceFlush(context.Context) error { return nil }
