// Package clean_slog_plain logs through log/slog from hooks, with slog not
// bridged to OpenTelemetry: no log record, no re-entry (and writing a log
// line to stderr is not treated as I/O worth a finding).
package clean_slog_plain

import (
	"context"
	"log/slog"
	"os"

	"go.opentelemetry.io/contrib/bridges/otelslog"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// DebugProcessor logs dropped records to stderr.
type DebugProcessor struct {
	logger *slog.Logger
}

var _ sdklog.Processor = (*DebugProcessor)(nil)

// NewDebugProcessor logs as text to stderr.
func NewDebugProcessor() *DebugProcessor {
	return &DebugProcessor{logger: slog.New(slog.NewTextHandler(os.Stderr, nil))}
}

// OnEmit logs every record to stderr.
func (p *DebugProcessor) OnEmit(ctx context.Context, r *sdklog.Record) error {
	p.logger.DebugContext(ctx, "record", "body", r.Body().AsString())
	slog.Debug("record seen")
	return nil
}

// Enabled accepts every record.
func (p *DebugProcessor) Enabled(context.Context, sdklog.EnabledParameters) bool { return true }

// Shutdown does nothing.
func (p *DebugProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *DebugProcessor) ForceFlush(context.Context) error { return nil }

// SpanLogger logs span starts through the bridge: a log record from a span
// processor runs log processors, not OnStart, so it does not re-enter.
type SpanLogger struct{}

var _ sdktrace.SpanProcessor = (*SpanLogger)(nil)

var bridged = otelslog.NewLogger("spans")

// OnStart logs the span's name.
func (SpanLogger) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	bridged.InfoContext(ctx, "span started", "name", s.Name())
}

// OnEnd does nothing.
func (SpanLogger) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (SpanLogger) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (SpanLogger) ForceFlush(context.Context) error { return nil }
