// Package cloud_gapic asks a generated Google Cloud client for an IAM
// policy on every span start. Built with the default options, the client's
// gRPC connection carries otelgrpc's handler, so the call starts a span,
// which runs OnStart again; built with option.WithTelemetryDisabled it is
// a round trip per span.
package cloud_gapic

import (
	"context"

	iam "cloud.google.com/go/iam/apiv1"
	"cloud.google.com/go/iam/apiv1/iampb"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"google.golang.org/api/option"
)

// PolicyProcessor stamps the resource's policy version.
type PolicyProcessor struct {
	traced, quiet *iam.IamPolicyClient
	resource      string
}

// NewPolicyProcessor builds both clients with the caller's options (an
// endpoint, credentials).
func NewPolicyProcessor(ctx context.Context, resource string, opts ...option.ClientOption) (*PolicyProcessor, error) {
	traced, err := iam.NewIamPolicyClient(ctx, opts...)
	if err != nil {
		return nil, err
	}
	quiet, err := iam.NewIamPolicyClient(ctx, append(opts, option.WithTelemetryDisabled())...)
	if err != nil {
		return nil, err
	}
	return &PolicyProcessor{traced: traced, quiet: quiet, resource: resource}, nil
}

// OnStart reads the policy twice.
func (p *PolicyProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	req := &iampb.GetIamPolicyRequest{Resource: p.resource}
	if pol, err := p.traced.GetIamPolicy(ctx, req); err == nil { // want `reentrancy: OnStart of \*PolicyProcessor calls \(\*cloud\.google\.com/go/iam/apiv1\.IamPolicyClient\)\.GetIamPolicy: the generated Google Cloud client carries otelgrpc`
		s.SetAttributes(attribute.Int("iam.policy.version", int(pol.Version)))
	}
	if pol, err := p.quiet.GetIamPolicy(ctx, req); err == nil { // want `network: OnStart of \*PolicyProcessor calls \(\*cloud\.google\.com/go/iam/apiv1\.IamPolicyClient\)\.GetIamPolicy: a Google Cloud API call on every span start \(its instrumentation is turned off, so it does not re-enter\)`
		s.SetAttributes(attribute.Int("iam.policy.version", int(pol.Version)))
	}
}

// OnEnd does nothing.
func (p *PolicyProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown closes the clients.
func (p *PolicyProcessor) Shutdown(context.Context) error {
	_ = p.quiet.Close()
	return p.traced.Close()
}

// ForceFlush does nothing.
func (p *PolicyProcessor) ForceFlush(context.Context) error { return nil }
