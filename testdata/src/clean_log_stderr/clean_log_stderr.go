// Package clean_log_stderr logs from a hook with the log package and
// fmt to stderr, with no OpenTelemetry bridge installed: a log line is not
// a finding.
package clean_log_stderr

import (
	"context"
	"fmt"
	"log"
	"os"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// DebugProcessor prints span starts.
type DebugProcessor struct{}

var _ sdktrace.SpanProcessor = (*DebugProcessor)(nil)

// OnStart prints the span's name.
func (p *DebugProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	log.Printf("span %s started", s.Name())
	fmt.Fprintln(os.Stderr, "span started:", s.Name())
}

// OnEnd does nothing.
func (p *DebugProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *DebugProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *DebugProcessor) ForceFlush(context.Context) error { return nil }
