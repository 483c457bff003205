// Package telemetry has a log processor that warns about oversized records.
package telemetry

import (
	"context"
	"log/slog"

	sdklog "go.opentelemetry.io/otel/sdk/log"
)

// SizeGuard warns about records with many attributes.
type SizeGuard struct{}

// OnEmit warns through slog's default logger.
func (SizeGuard) OnEmit(ctx context.Context, r *sdklog.Record) error {
	if r.AttributesLen() > 0 {
		slog.WarnContext(ctx, "record with attributes", "n", r.AttributesLen()) // want `reentrancy: OnEmit of SizeGuard calls log/slog\.WarnContext: slog's default logger is bridged to OpenTelemetry by otelslog in package example\.com/prog/slog_default_bridged \(main\.go:\d+\), so the call emits a log record, which runs OnEmit again`
	}
	return nil
}

// Enabled reports true.
func (SizeGuard) Enabled(context.Context, sdklog.EnabledParameters) bool { return true }

// Shutdown does nothing.
func (SizeGuard) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (SizeGuard) ForceFlush(context.Context) error { return nil }
