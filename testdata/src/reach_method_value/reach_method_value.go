// Package reach_method_value calls a method through a method value.
package reach_method_value

import (
	"context"
	"net"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// PeerProcessor adds the peer's addresses.
type PeerProcessor struct {
	peer string
}

var _ sdktrace.SpanProcessor = (*PeerProcessor)(nil)

// OnStart adds peer.addrs.
func (p *PeerProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	resolve := p.lookup
	addrs := resolve() // want `network: OnStart of \*PeerProcessor calls \(\*PeerProcessor\)\.lookup, which calls net\.LookupHost`
	s.SetAttributes(attribute.StringSlice("peer.addrs", addrs))
}

func (p *PeerProcessor) lookup() []string {
	addrs, _ := net.LookupHost(p.peer)
	return addrs
}

// OnEnd does nothing.
func (p *PeerProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *PeerProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *PeerProcessor) ForceFlush(context.Context) error { return nil }
