// Package clean_log_logr logs through logr from a log processor over a
// plain slog text handler: no record, no re-entry.
package clean_log_logr

import (
	"context"
	"log/slog"
	"os"

	"github.com/go-logr/logr"
	sdklog "go.opentelemetry.io/otel/sdk/log"
)

// DebugProcessor logs records to standard error.
type DebugProcessor struct{ log logr.Logger }

// NewDebugProcessor logs as text.
func NewDebugProcessor() *DebugProcessor {
	return &DebugProcessor{log: logr.FromSlogHandler(slog.NewTextHandler(os.Stderr, nil))}
}

// OnEmit logs the record's body.
func (p *DebugProcessor) OnEmit(_ context.Context, r *sdklog.Record) error {
	p.log.Info("record", "body", r.Body().AsString())
	return nil
}

// Enabled accepts every record.
func (p *DebugProcessor) Enabled(context.Context, sdklog.EnabledParameters) bool { return true }

// Shutdown does nothing.
func (p *DebugProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *DebugProcessor) ForceFlush(context.Context) error { return nil }
