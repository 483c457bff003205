// Package root_wrapper_delegate has a filtering processor that delegates to
// the processor it wraps: the wrapper's OnStart reaches the inner one's I/O.
package root_wrapper_delegate

import (
	"context"
	"net"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

type lookupProcessor struct {
	host string
}

// OnStart resolves the database host.
func (p *lookupProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	addrs, _ := net.LookupHost(p.host) // want `network: OnStart of \*lookupProcessor calls net\.LookupHost`
	s.SetAttributes(attribute.StringSlice("db.addrs", addrs))
}

func (p *lookupProcessor) OnEnd(sdktrace.ReadOnlySpan)      {}
func (p *lookupProcessor) Shutdown(context.Context) error   { return nil }
func (p *lookupProcessor) ForceFlush(context.Context) error { return nil }

// FilteringProcessor passes only client spans to the processor it wraps.
type FilteringProcessor struct {
	next sdktrace.SpanProcessor
}

var _ sdktrace.SpanProcessor = (*FilteringProcessor)(nil)

// NewFilteringProcessor wraps next.
func NewFilteringProcessor(next sdktrace.SpanProcessor) *FilteringProcessor {
	return &FilteringProcessor{next: next}
}

// NewPipeline is the processor the program installs.
func NewPipeline() sdktrace.SpanProcessor {
	return NewFilteringProcessor(&lookupProcessor{host: "db.internal"})
}

// OnStart delegates client spans.
func (f *FilteringProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	if s.SpanKind() != trace.SpanKindClient {
		return
	}
	f.next.OnStart(ctx, s) // want `network: OnStart of \*FilteringProcessor calls \(\*lookupProcessor\)\.OnStart, which calls net\.LookupHost`
}

// OnEnd delegates.
func (f *FilteringProcessor) OnEnd(s sdktrace.ReadOnlySpan) { f.next.OnEnd(s) }

// Shutdown delegates.
func (f *FilteringProcessor) Shutdown(ctx context.Context) error { return f.next.Shutdown(ctx) }

// ForceFlush delegates.
func (f *FilteringProcessor) ForceFlush(ctx context.Context) error { return f.next.ForceFlush(ctx) }
