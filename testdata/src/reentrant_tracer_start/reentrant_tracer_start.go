// Package reentrant_tracer_start starts spans inside span hooks: the new span
// runs the hooks again, without bound. Any Tracer implementation counts.
package reentrant_tracer_start

import (
	"context"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// AuditProcessor traces its own auditing.
type AuditProcessor struct {
	tracer trace.Tracer
}

var _ sdktrace.SpanProcessor = (*AuditProcessor)(nil)

// NewAuditProcessor takes its tracer from the global provider.
func NewAuditProcessor() *AuditProcessor {
	return &AuditProcessor{tracer: otel.Tracer("audit")}
}

// OnStart audits the span in a span of its own.
func (p *AuditProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	_, span := p.tracer.Start(ctx, "audit.start") // want `reentrancy: OnStart of \*AuditProcessor calls \(go\.opentelemetry\.io/otel/trace\.Tracer\)\.Start`
	defer span.End()
}

// OnEnd audits the end, through the global tracer.
func (p *AuditProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	_, span := otel.Tracer("audit").Start(context.Background(), "audit.end") // want `reentrancy: OnEnd of \*AuditProcessor calls \(go\.opentelemetry\.io/otel/trace\.Tracer\)\.Start`
	span.End()
}

// Shutdown does nothing.
func (p *AuditProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *AuditProcessor) ForceFlush(context.Context) error { return nil }
