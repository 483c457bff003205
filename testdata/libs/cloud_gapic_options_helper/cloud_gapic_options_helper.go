// Package cloud_gapic_options_helper builds a generated Google Cloud
// client through a helper that passes its own variadic options on
// (opts...): the options its caller gives decide, so the client built with
// option.WithTelemetryDisabled() is network I/O; the one built without
// options starts spans. (Where a helper's callers pass different options,
// the instrumentation counts as off only if every caller turns it off.)
package cloud_gapic_options_helper

import (
	"context"

	iam "cloud.google.com/go/iam/apiv1"
	"cloud.google.com/go/iam/apiv1/iampb"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"google.golang.org/api/option"
)

// newClient dials IAM with the caller's options.
func newClient(ctx context.Context, opts ...option.ClientOption) *iam.IamPolicyClient {
	c, _ := iam.NewIamPolicyClient(ctx, opts...)
	return c
}

func mustClient(c *iam.IamPolicyClient, err error) *iam.IamPolicyClient {
	if err != nil {
		panic(err)
	}
	return c
}

// PolicyProcessor reads policies.
type PolicyProcessor struct{ quiet, traced *iam.IamPolicyClient }

// NewPolicyProcessor builds both clients through the helper.
func NewPolicyProcessor(ctx context.Context) *PolicyProcessor {
	return &PolicyProcessor{
		quiet:  newClient(ctx, option.WithTelemetryDisabled()),
		traced: mustClient(iam.NewIamPolicyClient(ctx)),
	}
}

// OnStart reads the policy through the quiet client.
func (p *PolicyProcessor) OnStart(ctx context.Context, _ sdktrace.ReadWriteSpan) {
	_, _ = p.quiet.GetIamPolicy(ctx, &iampb.GetIamPolicyRequest{Resource: "r"}) // want `network: OnStart of \*PolicyProcessor calls \(\*cloud\.google\.com/go/iam/apiv1\.IamPolicyClient\)\.GetIamPolicy: a Google Cloud API call on every span start \(its instrumentation is turned off`
}

// OnEnd reads the policy through the traced client.
func (p *PolicyProcessor) OnEnd(sdktrace.ReadOnlySpan) {
	_, _ = p.traced.GetIamPolicy(context.Background(), &iampb.GetIamPolicyRequest{Resource: "r"}) // want `reentrancy: OnEnd of \*PolicyProcessor calls \(\*cloud\.google\.com/go/iam/apiv1\.IamPolicyClient\)\.GetIamPolicy: the generated Google Cloud client carries otelgrpc`
}

// Shutdown does nothing.
func (p *PolicyProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *PolicyProcessor) ForceFlush(context.Context) error { return nil }
