// Package clean_context_values reads values from the context in the hook.
package clean_context_values

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

type requestIDKey struct{}

// WithRequestID returns a context carrying id.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestIDProcessor copies the request ID onto the span.
type RequestIDProcessor struct{}

var _ sdktrace.SpanProcessor = (*RequestIDProcessor)(nil)

// OnStart adds the request ID.
func (p *RequestIDProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	if id, ok := ctx.Value(requestIDKey{}).(string); ok {
		s.SetAttributes(attribute.String("request.id", id))
	}
	if err := ctx.Err(); err != nil {
		s.SetAttributes(attribute.Bool("request.canceled", true))
	}
	if sc := trace.SpanContextFromContext(ctx); sc.HasTraceID() {
		s.SetAttributes(attribute.Bool("parent.sampled", sc.IsSampled()))
	}
}

// OnEnd does nothing.
func (p *RequestIDProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *RequestIDProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *RequestIDProcessor) ForceFlush(context.Context) error { return nil }
