// Package sink_resource runs resource detection on every span start.
package sink_resource

import (
	"context"

	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// ResourceAttrProcessor copies the detected resource onto every span.
type ResourceAttrProcessor struct{}

var _ sdktrace.SpanProcessor = (*ResourceAttrProcessor)(nil)

// OnStart adds the host and OS attributes.
func (p *ResourceAttrProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	res, err := resource.New(ctx, resource.WithHost(), resource.WithOS()) // want `io: OnStart of \*ResourceAttrProcessor calls go\.opentelemetry\.io/otel/sdk/resource\.New`
	if err != nil {
		return
	}
	s.SetAttributes(res.Attributes()...)
}

// OnEnd does nothing.
func (p *ResourceAttrProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *ResourceAttrProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *ResourceAttrProcessor) ForceFlush(context.Context) error { return nil }
