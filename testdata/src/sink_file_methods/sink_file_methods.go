// Package sink_file_methods writes to a file opened in the constructor:
// the write is a system call on every span end, while reading the file's
// name is not.
package sink_file_methods

import (
	"context"
	"os"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// AuditProcessor appends span names to an audit file.
type AuditProcessor struct{ f *os.File }

var _ sdktrace.SpanProcessor = (*AuditProcessor)(nil)

// NewAuditProcessor opens the audit file once.
func NewAuditProcessor(path string) (*AuditProcessor, error) {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	return &AuditProcessor{f: f}, nil
}

// OnStart stamps the audit file's name: no system call.
func (p *AuditProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("audit.file", p.f.Name()))
}

// OnEnd appends the span name.
func (p *AuditProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	_, _ = p.f.WriteString(s.Name() + "\n") // want `io: OnEnd of \*AuditProcessor calls \(\*os\.File\)\.WriteString: a file system call on every span end`
}

// Shutdown closes the file.
func (p *AuditProcessor) Shutdown(context.Context) error { return p.f.Close() }

// ForceFlush does nothing.
func (p *AuditProcessor) ForceFlush(context.Context) error { return nil }
