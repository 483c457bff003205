// Package clean_cloud_gapic_constructor reads the IAM policy once, in its
// constructor, with a generated Google Cloud client; the hook reads the
// version it stored, and Shutdown closes the client.
package clean_cloud_gapic_constructor

import (
	"context"

	iam "cloud.google.com/go/iam/apiv1"
	"cloud.google.com/go/iam/apiv1/iampb"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// PolicyProcessor stamps the resource's policy version.
type PolicyProcessor struct {
	client  *iam.IamPolicyClient
	version attribute.KeyValue
}

// NewPolicyProcessor reads the policy.
func NewPolicyProcessor(ctx context.Context, resource string) (*PolicyProcessor, error) {
	c, err := iam.NewIamPolicyClient(ctx)
	if err != nil {
		return nil, err
	}
	pol, err := c.GetIamPolicy(ctx, &iampb.GetIamPolicyRequest{Resource: resource})
	if err != nil {
		return nil, err
	}
	return &PolicyProcessor{client: c, version: attribute.Int("iam.policy.version", int(pol.Version))}, nil
}

// OnStart stamps the version read at startup.
func (p *PolicyProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(p.version)
}

// OnEnd does nothing.
func (p *PolicyProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown closes the client.
func (p *PolicyProcessor) Shutdown(context.Context) error { return p.client.Close() }

// ForceFlush does nothing.
func (p *PolicyProcessor) ForceFlush(context.Context) error { return nil }
