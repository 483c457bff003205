// Package clean_interface_writer writes to an io.Writer field that the
// constructor sets to a *bytes.Buffer: the call resolves to the buffer, not
// to every io.Writer in the program.
package clean_interface_writer

import (
	"bytes"
	"context"
	"io"
	"sync"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// RecorderProcessor records span names in memory.
type RecorderProcessor struct {
	mu sync.Mutex
	w  io.Writer
}

var _ sdktrace.SpanProcessor = (*RecorderProcessor)(nil)

// NewRecorderProcessor records into a buffer.
func NewRecorderProcessor() *RecorderProcessor {
	return &RecorderProcessor{w: new(bytes.Buffer)}
}

// OnStart does nothing.
func (p *RecorderProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {}

// OnEnd records the name.
func (p *RecorderProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	p.mu.Lock()
	defer p.mu.Unlock()
	_, _ = p.w.Write([]byte(s.Name() + "\n"))
}

// Shutdown does nothing.
func (p *RecorderProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *RecorderProcessor) ForceFlush(context.Context) error { return nil }
