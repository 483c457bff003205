// Package reentrant_log_emit emits a log record from a log processor's
// OnEmit: the new record runs OnEmit again.
package reentrant_log_emit

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/log"
	"go.opentelemetry.io/otel/log/global"
	sdklog "go.opentelemetry.io/otel/sdk/log"
)

// AlertProcessor logs an alert for every error record.
type AlertProcessor struct {
	logger log.Logger
}

var _ sdklog.Processor = (*AlertProcessor)(nil)

// NewAlertProcessor takes its logger from the global provider.
func NewAlertProcessor() *AlertProcessor {
	return &AlertProcessor{logger: global.GetLoggerProvider().Logger("alerts")}
}

// OnEmit logs an alert for error records.
func (p *AlertProcessor) OnEmit(ctx context.Context, r *sdklog.Record) error {
	if r.Severity() < log.SeverityError {
		return nil
	}
	var alert log.Record
	alert.SetSeverity(log.SeverityWarn)
	alert.SetBody(attribute.StringValue("error logged: " + r.Body().Emit()))
	p.logger.Emit(ctx, alert) // want `reentrancy: OnEmit of \*AlertProcessor calls \(go\.opentelemetry\.io/otel/log\.Logger\)\.Emit`
	return nil
}

// Enabled accepts every record.
func (p *AlertProcessor) Enabled(context.Context, sdklog.EnabledParameters) bool { return true }

// Shutdown does nothing.
func (p *AlertProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *AlertProcessor) ForceFlush(context.Context) error { return nil }
