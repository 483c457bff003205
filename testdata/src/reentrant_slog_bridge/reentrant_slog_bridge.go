// Package reentrant_slog_bridge logs through log/slog from a log
// processor's OnEmit while slog is bridged to OpenTelemetry by otelslog:
// the record it logs runs OnEmit again.
package reentrant_slog_bridge

import (
	"context"
	stdlog "log"
	"log/slog"

	"go.opentelemetry.io/contrib/bridges/otelslog"
	"go.opentelemetry.io/otel/log"
	sdklog "go.opentelemetry.io/otel/sdk/log"
)

// AuditProcessor warns about error records.
type AuditProcessor struct {
	logger *slog.Logger
}

var _ sdklog.Processor = (*AuditProcessor)(nil)

// NewAuditProcessor logs through the OpenTelemetry bridge.
func NewAuditProcessor() *AuditProcessor {
	return &AuditProcessor{logger: otelslog.NewLogger("audit")}
}

// Setup makes every slog call an OpenTelemetry log record.
func Setup() {
	slog.SetDefault(slog.New(otelslog.NewHandler("app")))
}

// OnEmit warns about error records.
func (p *AuditProcessor) OnEmit(ctx context.Context, r *sdklog.Record) error {
	if r.Severity() >= log.SeverityError {
		p.logger.WarnContext(ctx, "error record", "body", r.Body().AsString()) // want `reentrancy: OnEmit of \*AuditProcessor calls \(\*log/slog\.Logger\)\.WarnContext: the logger is bridged to OpenTelemetry by otelslog, so the call emits a log record, which runs OnEmit again`
		stdlog.Printf("audited %s", r.Body().AsString())                       // want `reentrancy: OnEmit of \*AuditProcessor calls log\.Printf: slog's default logger is bridged`
		slog.Info("audited")                                                   // want `reentrancy: OnEmit of \*AuditProcessor calls log/slog\.Info: slog's default logger is bridged to OpenTelemetry by otelslog in this package`
	}
	return nil
}

// Enabled accepts every record.
func (p *AuditProcessor) Enabled(context.Context, sdklog.EnabledParameters) bool { return true }

// Shutdown does nothing.
func (p *AuditProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *AuditProcessor) ForceFlush(context.Context) error { return nil }
