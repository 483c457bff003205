// Package clean_exporter_unknown exports synchronously from OnEnd through
// an exporter its caller supplies, like the SDK's simple span processor:
// which exporter that is is not known here, so nothing is claimed.
package clean_exporter_unknown

import (
	"context"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// SyncProcessor exports every span as it ends.
type SyncProcessor struct{ exporter sdktrace.SpanExporter }

var _ sdktrace.SpanProcessor = (*SyncProcessor)(nil)

// NewSyncProcessor wraps an exporter.
func NewSyncProcessor(e sdktrace.SpanExporter) *SyncProcessor { return &SyncProcessor{exporter: e} }

// OnStart does nothing.
func (p *SyncProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {}

// OnEnd exports the span.
func (p *SyncProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	_ = p.exporter.ExportSpans(context.Background(), []sdktrace.ReadOnlySpan{s})
}

// Shutdown shuts the exporter down.
func (p *SyncProcessor) Shutdown(ctx context.Context) error { return p.exporter.Shutdown(ctx) }

// ForceFlush does nothing.
func (p *SyncProcessor) ForceFlush(context.Context) error { return nil }
