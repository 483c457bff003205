// Package log_logr logs through logr from a log processor while the
// logger's sink is slog bridged to OpenTelemetry by otelslog (there is no
// served logr bridge; logr.FromSlogHandler is how services connect the
// two): every call emits a record, which runs OnEmit again.
package log_logr

import (
	"context"

	"github.com/go-logr/logr"
	"go.opentelemetry.io/contrib/bridges/otelslog"
	sdklog "go.opentelemetry.io/otel/sdk/log"
)

// AuditProcessor logs every record.
type AuditProcessor struct{ log logr.Logger }

var _ sdklog.Processor = (*AuditProcessor)(nil)

// NewAuditProcessor logs through the bridge.
func NewAuditProcessor() *AuditProcessor {
	return &AuditProcessor{log: logr.FromSlogHandler(otelslog.NewHandler("audit")).WithName("audit")}
}

// OnEmit logs the record's body.
func (p *AuditProcessor) OnEmit(_ context.Context, r *sdklog.Record) error {
	p.log.V(1).Info("record", "body", r.Body().AsString()) // want `reentrancy: OnEmit of \*AuditProcessor calls \(github\.com/go-logr/logr\.Logger\)\.Info: the logger's sink is the otelslog bridge, so the call emits a log record, which runs OnEmit again`
	return nil
}

// Enabled accepts every record.
func (p *AuditProcessor) Enabled(context.Context, sdklog.EnabledParameters) bool { return true }

// Shutdown does nothing.
func (p *AuditProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *AuditProcessor) ForceFlush(context.Context) error { return nil }
