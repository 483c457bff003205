// Package root_log_processor checks a debug switch file in Enabled, which the
// log SDK calls for every record.
package root_log_processor

import (
	"context"
	"os"

	"go.opentelemetry.io/otel/log"
	sdklog "go.opentelemetry.io/otel/sdk/log"
)

// DebugGate drops debug records unless a switch file exists.
type DebugGate struct {
	switchFile string
}

var _ sdklog.Processor = (*DebugGate)(nil)

// Enabled reports whether the record passes the gate.
func (g *DebugGate) Enabled(_ context.Context, p sdklog.EnabledParameters) bool {
	if p.Severity >= log.SeverityInfo {
		return true
	}
	_, err := os.Stat(g.switchFile) // want `io: Enabled of \*DebugGate calls os\.Stat`
	return err == nil
}

// OnEmit does nothing.
func (g *DebugGate) OnEmit(context.Context, *sdklog.Record) error { return nil }

// Shutdown does nothing.
func (g *DebugGate) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (g *DebugGate) ForceFlush(context.Context) error { return nil }
