// Package clean_log_zap logs through zap from hooks where no call emits a
// record into the hook's own pipeline: a production logger writing to
// standard error, a bridged logger whose provider is the no-op one, and a
// bridged logger used from a span processor (a log record does not run a
// span processor).
package clean_log_zap

import (
	"context"

	"go.opentelemetry.io/contrib/bridges/otelzap"
	"go.opentelemetry.io/otel/log/noop"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.uber.org/zap"
)

// DebugProcessor logs records to standard error.
type DebugProcessor struct {
	plain  *zap.Logger
	silent *zap.Logger
}

// NewDebugProcessor builds a plain logger and a bridged one that emits
// nothing.
func NewDebugProcessor() (*DebugProcessor, error) {
	plain, err := zap.NewProduction()
	if err != nil {
		return nil, err
	}
	silent := zap.New(otelzap.NewCore("debug", otelzap.WithLoggerProvider(noop.NewLoggerProvider())))
	return &DebugProcessor{plain: plain, silent: silent}, nil
}

// OnEmit logs the record.
func (p *DebugProcessor) OnEmit(_ context.Context, r *sdklog.Record) error {
	p.plain.Debug("record", zap.String("body", r.Body().AsString()))
	p.silent.Sugar().Infof("record %s", r.Body().AsString())
	return nil
}

// Enabled accepts every record.
func (p *DebugProcessor) Enabled(context.Context, sdklog.EnabledParameters) bool { return true }

// Shutdown does nothing.
func (p *DebugProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *DebugProcessor) ForceFlush(context.Context) error { return nil }

// SpanLogger logs span starts through the bridge: records, not spans.
type SpanLogger struct{ log *zap.Logger }

// NewSpanLogger bridges zap into OpenTelemetry logs.
func NewSpanLogger() *SpanLogger { return &SpanLogger{log: zap.New(otelzap.NewCore("spans"))} }

// OnStart logs the span's name.
func (p *SpanLogger) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	p.log.Info("span", zap.String("name", s.Name()))
}

// OnEnd does nothing.
func (p *SpanLogger) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *SpanLogger) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *SpanLogger) ForceFlush(context.Context) error { return nil }
