// Package reach_method_expr calls a method through a method expression.
package reach_method_expr

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
	lookup := (*PeerProcessor).lookup
	addrs := lookup(p, p.peer) // want `network: OnStart of \*PeerProcessor calls \(\*PeerProcessor\)\.lookup, which calls net\.LookupHost`
	s.SetAttributes(attribute.StringSlice("peer.addrs", addrs))
}

func (p *PeerProcessor) lookup(host string) []string {
	addrs, _ := net.LookupHost(host)
	return addrs
}

// OnEnd does nothing.
func (p *PeerProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *PeerProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *PeerProcessor) ForceFlush(context.Context) error { return nil }
