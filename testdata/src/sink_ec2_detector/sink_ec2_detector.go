// Package sink_ec2_detector runs contrib's EC2 resource detector on every
// span: each Detect makes two instance metadata (IMDS) requests, behind the
// resource.Detector interface NewResourceDetector returns.
package sink_ec2_detector

import (
	"context"

	ec2 "go.opentelemetry.io/contrib/detectors/aws/ec2/v2"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// InstanceProcessor stamps the EC2 instance's attributes.
type InstanceProcessor struct{}

var _ sdktrace.SpanProcessor = InstanceProcessor{}

// OnStart detects the instance.
func (InstanceProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	res, err := ec2.NewResourceDetector().Detect(ctx) // want `network: OnStart of InstanceProcessor calls \(\*go\.opentelemetry\.io/contrib/detectors/aws/ec2/v2\.resourceDetector\)\.Detect: an EC2 instance metadata request \(IMDS\) on every span start`
	if err == nil {
		s.SetAttributes(res.Attributes()...)
	}
}

// OnEnd does nothing.
func (InstanceProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (InstanceProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (InstanceProcessor) ForceFlush(context.Context) error { return nil }
