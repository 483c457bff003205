// Package reach_cycle follows a CNAME chain with mutual recursion: the walk
// must terminate and still report the lookup.
package reach_cycle

import (
	"context"
	"net"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// CanonicalProcessor adds the peer's canonical name.
type CanonicalProcessor struct {
	peer string
}

var _ sdktrace.SpanProcessor = (*CanonicalProcessor)(nil)

// OnStart adds peer.canonical.
func (p *CanonicalProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("peer.canonical", resolve(p.peer, 0))) // want `network: OnStart of \*CanonicalProcessor calls resolve, which calls follow, which calls net\.LookupCNAME`
}

func resolve(name string, depth int) string {
	if depth > 5 || !strings.Contains(name, ".") {
		return name
	}
	return follow(name, depth)
}

func follow(name string, depth int) string {
	cname, err := net.LookupCNAME(name)
	if err != nil || cname == name {
		return name
	}
	return resolve(cname, depth+1)
}

// OnEnd does nothing.
func (p *CanonicalProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *CanonicalProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *CanonicalProcessor) ForceFlush(context.Context) error { return nil }
