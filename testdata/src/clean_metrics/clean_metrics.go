// Package clean_metrics counts spans with metric instruments in the hooks:
// recording a measurement is not a sink.
package clean_metrics

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/metric/noop"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// CountingProcessor counts started and ended spans.
type CountingProcessor struct {
	started  metric.Int64Counter
	duration metric.Float64Histogram
}

var _ sdktrace.SpanProcessor = (*CountingProcessor)(nil)

// NewCountingProcessor creates the instruments, from the global meter
// provider or a no-op one in tests.
func NewCountingProcessor(test bool) (*CountingProcessor, error) {
	meter := otel.Meter("spans")
	if test {
		meter = noop.NewMeterProvider().Meter("spans")
	}
	started, err := meter.Int64Counter("spans.started")
	if err != nil {
		return nil, err
	}
	duration, err := meter.Float64Histogram("spans.duration", metric.WithUnit("s"))
	if err != nil {
		return nil, err
	}
	return &CountingProcessor{started: started, duration: duration}, nil
}

// OnStart counts the span.
func (p *CountingProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	p.started.Add(ctx, 1, metric.WithAttributes(attribute.String("span.kind", s.SpanKind().String())))
}

// OnEnd records the duration.
func (p *CountingProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	p.duration.Record(context.Background(), s.EndTime().Sub(s.StartTime()).Seconds())
}

// Shutdown does nothing.
func (p *CountingProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *CountingProcessor) ForceFlush(context.Context) error { return nil }
