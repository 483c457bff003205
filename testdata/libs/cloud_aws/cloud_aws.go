// Package cloud_aws calls AWS APIs on every span: network I/O, and a span
// when the config carries the otelaws middlewares.
package cloud_aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"go.opentelemetry.io/contrib/instrumentation/github.com/aws/aws-sdk-go-v2/otelaws"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// AccountProcessor stamps account facts.
type AccountProcessor struct {
	s3  *s3.Client
	sts *sts.Client
}

// NewAccountProcessor builds an instrumented S3 client and a plain STS one.
func NewAccountProcessor(ctx context.Context) (*AccountProcessor, error) {
	plain, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	traced, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	otelaws.AppendMiddlewares(&traced.APIOptions)
	return &AccountProcessor{s3: s3.NewFromConfig(traced), sts: sts.NewFromConfig(plain)}, nil
}

// OnStart asks both.
func (p *AccountProcessor) OnStart(ctx context.Context, _ sdktrace.ReadWriteSpan) {
	_, _ = p.s3.HeadBucket(ctx, &s3.HeadBucketInput{})                 // want `reentrancy: OnStart of \*AccountProcessor calls \(\*github\.com/aws/aws-sdk-go-v2/service/s3\.Client\)\.HeadBucket: the client's config carries the otelaws middlewares, so the operation starts a span`
	_, _ = p.sts.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{}) // want `network: OnStart of \*AccountProcessor calls \(\*github\.com/aws/aws-sdk-go-v2/service/sts\.Client\)\.GetCallerIdentity: an AWS API call on every span start`
}

// OnEnd does nothing.
func (p *AccountProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *AccountProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *AccountProcessor) ForceFlush(context.Context) error { return nil }
