// Package clean_resource_constructor detects the resource in the
// constructor and copies its attributes in the hook.
package clean_resource_constructor

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// ResourceProcessor copies resource attributes onto spans.
type ResourceProcessor struct{ attrs []attribute.KeyValue }

var _ sdktrace.SpanProcessor = (*ResourceProcessor)(nil)

// NewResourceProcessor detects once.
func NewResourceProcessor(ctx context.Context) (*ResourceProcessor, error) {
	res, err := resource.New(ctx, resource.WithHost(), resource.WithOS())
	if err != nil {
		return nil, err
	}
	return &ResourceProcessor{attrs: res.Attributes()}, nil
}

// OnStart copies the attributes.
func (p *ResourceProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(p.attrs...)
}

// OnEnd does nothing.
func (p *ResourceProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *ResourceProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *ResourceProcessor) ForceFlush(context.Context) error { return nil }
