// Package telemetry has a span processor whose resolver arrives on a
// channel, once the program has chosen it.
package telemetry

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Resolver names the peer.
type Resolver interface {
	Peer() string
}

// PeerProcessor stamps the peer.
type PeerProcessor struct {
	r Resolver
}

// NewPeerProcessor takes the resolver from ch.
func NewPeerProcessor(ch <-chan Resolver) *PeerProcessor { return &PeerProcessor{r: <-ch} }

// OnStart stamps the peer.
func (p *PeerProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("peer", p.r.Peer())) // want `network: OnStart of \*PeerProcessor calls \(\*example\.com/prog/iface_via_channel/peer\.DNS\)\.Peer .*which calls net\.LookupAddr`
}

// OnEnd does nothing.
func (p *PeerProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *PeerProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *PeerProcessor) ForceFlush(context.Context) error { return nil }
