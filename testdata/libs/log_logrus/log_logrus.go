// Package log_logrus logs through logrus from a log processor while a hook
// that emits OpenTelemetry log records is added to the standard logger:
// logrus runs the hook's Fire on the caller's goroutine, the record runs
// OnEmit again, and the first record overflows the stack.
package log_logrus

import (
	"context"

	"github.com/sirupsen/logrus"
	"go.opentelemetry.io/otel/attribute"
	otellog "go.opentelemetry.io/otel/log"
	"go.opentelemetry.io/otel/log/global"
	sdklog "go.opentelemetry.io/otel/sdk/log"
)

// otelHook forwards logrus entries to OpenTelemetry (there is no served
// logrus bridge; services write this one).
type otelHook struct{ logger otellog.Logger }

func (h *otelHook) Levels() []logrus.Level { return logrus.AllLevels }

func (h *otelHook) Fire(e *logrus.Entry) error {
	var r otellog.Record
	r.SetBody(attribute.StringValue(e.Message))
	ctx := e.Context
	if ctx == nil {
		ctx = context.Background()
	}
	h.logger.Emit(ctx, r)
	return nil
}

// Setup sends the standard logger's entries to OpenTelemetry.
func Setup() {
	logrus.AddHook(&otelHook{logger: global.GetLoggerProvider().Logger("logrus")})
}

// AuditProcessor logs every record.
type AuditProcessor struct{}

var _ sdklog.Processor = AuditProcessor{}

// OnEmit logs the record's body.
func (AuditProcessor) OnEmit(_ context.Context, r *sdklog.Record) error {
	logrus.WithField("body", r.Body().AsString()).Info("record") // want `reentrancy: OnEmit of AuditProcessor calls \(\*otelHook\)\.Fire \(via \(\*github\.com/sirupsen/logrus\.Entry\)\.Info\), which calls \(go\.opentelemetry\.io/otel/log\.Logger\)\.Emit`
	return nil
}

// Enabled accepts every record.
func (AuditProcessor) Enabled(context.Context, sdklog.EnabledParameters) bool { return true }

// Shutdown does nothing.
func (AuditProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (AuditProcessor) ForceFlush(context.Context) error { return nil }
