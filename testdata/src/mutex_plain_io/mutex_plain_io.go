// Package mutex_plain_io holds a mutex around plain I/O that is not a memo:
// the I/O still runs on every span (it is io, not deadlock: no span starts
// under the lock), and a guard that reads one field and writes another is
// not a memo either.
package mutex_plain_io

import (
	"context"
	"os"
	"sync"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// AuditProcessor appends span names to a file.
type AuditProcessor struct {
	mu      sync.Mutex
	enabled bool
	count   int
}

var _ sdktrace.SpanProcessor = (*AuditProcessor)(nil)

// OnStart does nothing.
func (p *AuditProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {}

// OnEnd appends the span name.
func (p *AuditProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.enabled {
		p.count++
		_ = os.WriteFile("/var/log/audit", []byte(s.Name()), 0o600) // want `io: OnEnd of \*AuditProcessor calls os\.WriteFile: a file write on every span end`
	}
}

// Shutdown does nothing.
func (p *AuditProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *AuditProcessor) ForceFlush(context.Context) error { return nil }
