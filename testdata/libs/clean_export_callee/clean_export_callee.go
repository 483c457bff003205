// Package clean_export_callee exports where it costs nothing on the hot
// path: into memory from OnEnd, and over the network only from Shutdown and
// ForceFlush, which no span runs.
package clean_export_callee

import (
	"bytes"
	"context"
	"sync"

	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// DumpProcessor keeps a JSON dump of every span in memory and ships the
// buffered spans on flush.
type DumpProcessor struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	dump    *stdouttrace.Exporter
	pending []sdktrace.ReadOnlySpan
	ship    sdktrace.SpanExporter
}

// NewDumpProcessor writes the dump into its buffer.
func NewDumpProcessor(ctx context.Context) (*DumpProcessor, error) {
	p := &DumpProcessor{}
	dump, err := stdouttrace.New(stdouttrace.WithWriter(&p.buf))
	if err != nil {
		return nil, err
	}
	ship, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, err
	}
	p.dump, p.ship = dump, ship
	return p, nil
}

// OnStart does nothing.
func (p *DumpProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {}

// OnEnd dumps the span into memory and queues it.
func (p *DumpProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	p.mu.Lock()
	defer p.mu.Unlock()
	_ = p.dump.ExportSpans(context.Background(), []sdktrace.ReadOnlySpan{s})
	p.pending = append(p.pending, s)
}

// ForceFlush ships the queued spans.
func (p *DumpProcessor) ForceFlush(ctx context.Context) error {
	p.mu.Lock()
	spans := p.pending
	p.pending = nil
	p.mu.Unlock()
	return p.ship.ExportSpans(ctx, spans)
}

// Shutdown ships what is left.
func (p *DumpProcessor) Shutdown(ctx context.Context) error {
	if err := p.ForceFlush(ctx); err != nil {
		return err
	}
	return p.ship.Shutdown(ctx)
}
