// Package clean_errgroup_io does a plain DNS lookup in a goroutine started by
// errgroup.Group.Go from OnEnd: off the caller's path, and no span starts.
package clean_errgroup_io

import (
	"context"
	"net"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"golang.org/x/sync/errgroup"
)

// WarmupProcessor warms the resolver cache of a sidecar.
type WarmupProcessor struct {
	group *errgroup.Group
	host  string
}

var _ sdktrace.SpanProcessor = (*WarmupProcessor)(nil)

// NewWarmupProcessor returns a processor with its own group.
func NewWarmupProcessor(host string) *WarmupProcessor {
	return &WarmupProcessor{group: new(errgroup.Group), host: host}
}

// OnStart does nothing.
func (p *WarmupProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {}

// OnEnd resolves the host in the group.
func (p *WarmupProcessor) OnEnd(sdktrace.ReadOnlySpan) {
	p.group.Go(func() error {
		_, err := net.LookupHost(p.host)
		return err
	})
}

// Shutdown waits for the lookups.
func (p *WarmupProcessor) Shutdown(context.Context) error { return p.group.Wait() }

// ForceFlush does nothing.
func (p *WarmupProcessor) ForceFlush(context.Context) error { return nil }
