// Package clean_tracer_in_log_processor starts a span from a log
// processor: the span runs span processors, not OnEmit, so it does not
// re-enter the hook (and starting a span is not I/O).
package clean_tracer_in_log_processor

import (
	"context"

	"go.opentelemetry.io/otel"
	sdklog "go.opentelemetry.io/otel/sdk/log"
)

// SpanPerRecord marks every error record with a span.
type SpanPerRecord struct{}

var _ sdklog.Processor = (*SpanPerRecord)(nil)

// OnEmit starts and ends a span.
func (p *SpanPerRecord) OnEmit(ctx context.Context, r *sdklog.Record) error {
	_, span := otel.Tracer("logs").Start(ctx, "log record")
	span.End()
	return nil
}

// Enabled accepts every record.
func (p *SpanPerRecord) Enabled(context.Context, sdklog.EnabledParameters) bool { return true }

// Shutdown does nothing.
func (p *SpanPerRecord) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *SpanPerRecord) ForceFlush(context.Context) error { return nil }
