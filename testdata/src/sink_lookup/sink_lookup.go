// Package sink_lookup resolves names on every span: Go has no DNS cache.
package sink_lookup

import (
	"context"
	"net"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// PeerProcessor resolves the peer on start and reverse-resolves on end.
type PeerProcessor struct {
	peer, ip string
}

var _ sdktrace.SpanProcessor = (*PeerProcessor)(nil)

// OnStart adds the peer's addresses.
func (p *PeerProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	addrs, err := net.LookupHost(p.peer) // want `network: OnStart of \*PeerProcessor calls net\.LookupHost`
	if err == nil {
		s.SetAttributes(attribute.StringSlice("peer.addrs", addrs))
	}
}

// OnEnd reverse-resolves the peer.
func (p *PeerProcessor) OnEnd(sdktrace.ReadOnlySpan) {
	_, _ = net.DefaultResolver.LookupAddr(context.Background(), p.ip) // want `network: OnEnd of \*PeerProcessor calls \(\*net\.Resolver\)\.LookupAddr`
}

// Shutdown does nothing.
func (p *PeerProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *PeerProcessor) ForceFlush(context.Context) error { return nil }
