// Package log_zap logs through zap from log processors while the logger's
// core is the otelzap bridge: every call emits a log record, which runs the
// processor again (a stack overflow on the first record, from OnEmit and
// from Enabled alike).
package log_zap

import (
	"context"

	"go.opentelemetry.io/contrib/bridges/otelzap"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// AuditProcessor logs every record it sees.
type AuditProcessor struct {
	log   *zap.Logger
	sugar *zap.SugaredLogger
}

var _ sdklog.Processor = (*AuditProcessor)(nil)

// NewAuditProcessor tees zap's output into OpenTelemetry.
func NewAuditProcessor() *AuditProcessor {
	l := zap.New(zapcore.NewTee(zapcore.NewNopCore(), otelzap.NewCore("audit")))
	return &AuditProcessor{log: l.Named("audit"), sugar: l.Sugar()}
}

// OnEmit logs the record's body.
func (p *AuditProcessor) OnEmit(ctx context.Context, r *sdklog.Record) error {
	p.log.Info("record", zap.String("body", r.Body().AsString())) // want `reentrancy: OnEmit of \*AuditProcessor calls \(\*go\.uber\.org/zap\.Logger\)\.Info: the logger's core is the otelzap bridge, so the call emits a log record, which runs OnEmit again`
	return nil
}

// Enabled logs the question.
func (p *AuditProcessor) Enabled(context.Context, sdklog.EnabledParameters) bool {
	p.sugar.Debugf("enabled?") // want `reentrancy: Enabled of \*AuditProcessor calls \(\*go\.uber\.org/zap\.SugaredLogger\)\.Debugf: the logger's core is the otelzap bridge`
	return true
}

// Shutdown does nothing.
func (p *AuditProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *AuditProcessor) ForceFlush(context.Context) error { return nil }

// Setup makes zap's global logger the bridged one.
func Setup() {
	zap.ReplaceGlobals(zap.New(otelzap.NewCore("app")))
}

// GlobalProcessor logs through zap's global logger.
type GlobalProcessor struct{}

// OnEmit logs through zap.S.
func (GlobalProcessor) OnEmit(context.Context, *sdklog.Record) error {
	zap.S().Infow("record") // want `reentrancy: OnEmit of GlobalProcessor calls \(\*go\.uber\.org/zap\.SugaredLogger\)\.Infow: the logger's core is the otelzap bridge`
	return nil
}

// Enabled accepts every record.
func (GlobalProcessor) Enabled(context.Context, sdklog.EnabledParameters) bool { return true }

// Shutdown does nothing.
func (GlobalProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (GlobalProcessor) ForceFlush(context.Context) error { return nil }
