// Package reach_defer does its I/O in deferred calls.
package reach_defer

import (
	"context"
	"os"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// JournalProcessor journals span names and clears a lock file.
type JournalProcessor struct {
	journal, lock string
}

var _ sdktrace.SpanProcessor = (*JournalProcessor)(nil)

// OnStart clears the lock on the way out.
func (p *JournalProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {
	defer func() {
		_ = os.Remove(p.lock) // want `io: OnStart of \*JournalProcessor calls os\.Remove`
	}()
}

// OnEnd journals the name on the way out.
func (p *JournalProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	defer p.flush(s.Name()) // want `io: OnEnd of \*JournalProcessor calls \(\*JournalProcessor\)\.flush, which calls os\.WriteFile`
}

func (p *JournalProcessor) flush(name string) {
	_ = os.WriteFile(p.journal, []byte(name), 0o644)
}

// Shutdown does nothing.
func (p *JournalProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *JournalProcessor) ForceFlush(context.Context) error { return nil }
