// Package clean_ec2_detector_constructor runs the EC2 resource detector
// once, in the constructor, and stamps the stored attributes per span.
package clean_ec2_detector_constructor

import (
	"context"

	ec2 "go.opentelemetry.io/contrib/detectors/aws/ec2/v2"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// InstanceProcessor stamps the EC2 instance's attributes.
type InstanceProcessor struct {
	attrs []attribute.KeyValue
}

var _ sdktrace.SpanProcessor = (*InstanceProcessor)(nil)

// NewInstanceProcessor detects the instance once.
func NewInstanceProcessor(ctx context.Context) *InstanceProcessor {
	p := &InstanceProcessor{}
	if res, err := ec2.NewResourceDetector().Detect(ctx); err == nil {
		p.attrs = res.Attributes()
	}
	return p
}

// OnStart stamps the stored attributes.
func (p *InstanceProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(p.attrs...)
}

// OnEnd does nothing.
func (p *InstanceProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *InstanceProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *InstanceProcessor) ForceFlush(context.Context) error { return nil }
