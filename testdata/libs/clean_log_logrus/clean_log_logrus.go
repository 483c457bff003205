// Package clean_log_logrus logs through logrus from a log processor with
// only hooks that do not emit: a line on standard error is not a finding,
// and neither is a hook that counts entries. The package's other logger
// has a hook that emits OpenTelemetry records, but the processor does not
// log through that one.
package clean_log_logrus

import (
	"context"
	"sync/atomic"

	"github.com/sirupsen/logrus"
	otellog "go.opentelemetry.io/otel/log"
	"go.opentelemetry.io/otel/log/global"
	sdklog "go.opentelemetry.io/otel/sdk/log"
)

// countHook counts entries.
type countHook struct{ n atomic.Int64 }

func (h *countHook) Levels() []logrus.Level { return logrus.AllLevels }

func (h *countHook) Fire(*logrus.Entry) error {
	h.n.Add(1)
	return nil
}

// emitHook forwards entries to OpenTelemetry.
type emitHook struct{ logger otellog.Logger }

func (h emitHook) Levels() []logrus.Level { return logrus.AllLevels }

func (h emitHook) Fire(e *logrus.Entry) error {
	var r otellog.Record
	r.SetEventName(e.Message)
	h.logger.Emit(context.Background(), r)
	return nil
}

// AppLog is the application's logger, bridged to OpenTelemetry.
var AppLog = newAppLog()

func newAppLog() *logrus.Logger {
	l := logrus.New()
	l.AddHook(emitHook{logger: global.GetLoggerProvider().Logger("app")})
	return l
}

// DebugProcessor logs records to standard error.
type DebugProcessor struct{ log *logrus.Logger }

// NewDebugProcessor counts what it logs.
func NewDebugProcessor() *DebugProcessor {
	l := logrus.New()
	l.AddHook(&countHook{})
	return &DebugProcessor{log: l}
}

// OnEmit logs the record's body.
func (p *DebugProcessor) OnEmit(_ context.Context, r *sdklog.Record) error {
	p.log.WithField("body", r.Body().AsString()).Debug("record")
	p.log.Infof("record %s", r.Body().AsString())
	return nil
}

// Enabled accepts every record.
func (p *DebugProcessor) Enabled(context.Context, sdklog.EnabledParameters) bool { return true }

// Shutdown does nothing.
func (p *DebugProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *DebugProcessor) ForceFlush(context.Context) error { return nil }
