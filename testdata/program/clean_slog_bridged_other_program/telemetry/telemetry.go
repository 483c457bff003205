// Package telemetry has a log processor that logs through slog's default
// logger.
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
	if r.AttributesLen() > 32 {
		slog.WarnContext(ctx, "oversized record")
	}
	return nil
}

// Enabled reports true.
func (SizeGuard) Enabled(context.Context, sdklog.EnabledParameters) bool { return true }

// Shutdown does nothing.
func (SizeGuard) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (SizeGuard) ForceFlush(context.Context) error { return nil }
