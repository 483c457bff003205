// Package clean_once_field_plain_io caches a plain DNS lookup lazily with a
// sync.Once field, and a file read with a sync.OnceValue the constructor
// stores in a field: each runs once and starts no span.
package clean_once_field_plain_io

import (
	"context"
	"net"
	"os"
	"sync"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// PeerProcessor adds the peer's addresses and the boot ID.
type PeerProcessor struct {
	peer   string
	once   sync.Once
	addrs  []string
	bootID func() string
}

var _ sdktrace.SpanProcessor = (*PeerProcessor)(nil)

// NewPeerProcessor returns a processor for peer.
func NewPeerProcessor(peer string) *PeerProcessor {
	return &PeerProcessor{peer: peer, bootID: sync.OnceValue(readBootID)}
}

func readBootID() string {
	b, _ := os.ReadFile("/proc/sys/kernel/random/boot_id")
	return string(b)
}

// OnStart adds the addresses, resolved on first use.
func (p *PeerProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	p.once.Do(func() { p.addrs, _ = net.LookupHost(p.peer) })
	s.SetAttributes(attribute.StringSlice("peer.addrs", p.addrs))
}

// OnEnd reads the boot ID, read on first use.
func (p *PeerProcessor) OnEnd(sdktrace.ReadOnlySpan) {
	_ = p.bootID()
}

// Shutdown does nothing.
func (p *PeerProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *PeerProcessor) ForceFlush(context.Context) error { return nil }
