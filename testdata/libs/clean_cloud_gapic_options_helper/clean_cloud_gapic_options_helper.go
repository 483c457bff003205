// Package clean_cloud_gapic_options_helper builds a generated Google
// Cloud client through a helper that passes its variadic options on, and
// uses it only in its constructor and Shutdown: the hook reads what the
// constructor stored.
package clean_cloud_gapic_options_helper

import (
	"context"

	iam "cloud.google.com/go/iam/apiv1"
	"cloud.google.com/go/iam/apiv1/iampb"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"google.golang.org/api/option"
)

// newClient dials IAM with the caller's options.
func newClient(ctx context.Context, opts ...option.ClientOption) (*iam.IamPolicyClient, error) {
	return iam.NewIamPolicyClient(ctx, opts...)
}

// PolicyProcessor stamps the policy version read at startup.
type PolicyProcessor struct {
	client  *iam.IamPolicyClient
	version attribute.KeyValue
}

// NewPolicyProcessor reads the policy once.
func NewPolicyProcessor(ctx context.Context, resource string) (*PolicyProcessor, error) {
	c, err := newClient(ctx, option.WithUserAgent("policy-processor"))
	if err != nil {
		return nil, err
	}
	pol, err := c.GetIamPolicy(ctx, &iampb.GetIamPolicyRequest{Resource: resource})
	if err != nil {
		return nil, err
	}
	return &PolicyProcessor{client: c, version: attribute.Int("iam.policy.version", int(pol.Version))}, nil
}

// OnStart stamps the stored version.
func (p *PolicyProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(p.version)
}

// OnEnd does nothing.
func (p *PolicyProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown closes the client.
func (p *PolicyProcessor) Shutdown(context.Context) error { return p.client.Close() }

// ForceFlush does nothing.
func (p *PolicyProcessor) ForceFlush(context.Context) error { return nil }
