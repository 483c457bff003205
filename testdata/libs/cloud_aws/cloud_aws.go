// Package cloud_aws calls AWS APIs on every span: network I/O, and a span
// when the config carries the otelaws middlewares or the client's tracer
// provider is an OpenTelemetry one (smithyoteltracing.Adapt), unless that
// is a no-op provider.
package cloud_aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go/tracing/smithyoteltracing"
	"go.opentelemetry.io/contrib/instrumentation/github.com/aws/aws-sdk-go-v2/otelaws"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

// AccountProcessor stamps account facts.
type AccountProcessor struct {
	s3        *s3.Client
	sts       *sts.Client
	adapted   *sts.Client
	noopSpans *s3.Client
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
	adapted := sts.NewFromConfig(plain, func(o *sts.Options) {
		o.TracerProvider = smithyoteltracing.Adapt(otel.GetTracerProvider())
	})
	noopSpans := s3.NewFromConfig(plain, withNoopTracing)
	return &AccountProcessor{s3: s3.NewFromConfig(traced), sts: sts.NewFromConfig(plain), adapted: adapted, noopSpans: noopSpans}, nil
}

func withNoopTracing(o *s3.Options) {
	o.TracerProvider = smithyoteltracing.Adapt(noop.NewTracerProvider())
}

// OnStart asks both.
func (p *AccountProcessor) OnStart(ctx context.Context, _ sdktrace.ReadWriteSpan) {
	_, _ = p.s3.HeadBucket(ctx, &s3.HeadBucketInput{})                 // want `reentrancy: OnStart of \*AccountProcessor calls \(\*github\.com/aws/aws-sdk-go-v2/service/s3\.Client\)\.HeadBucket: the client's config carries OpenTelemetry tracing \(the otelaws middlewares, or a smithyoteltracing tracer provider\), so the operation starts a span`
	_, _ = p.sts.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{}) // want `network: OnStart of \*AccountProcessor calls \(\*github\.com/aws/aws-sdk-go-v2/service/sts\.Client\)\.GetCallerIdentity: an AWS API call on every span start`
}

// OnEnd asks the clients with the SDK's own tracing.
func (p *AccountProcessor) OnEnd(sdktrace.ReadOnlySpan) {
	ctx := context.Background()
	_, _ = p.adapted.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{}) // want `reentrancy: OnEnd of \*AccountProcessor calls \(\*github\.com/aws/aws-sdk-go-v2/service/sts\.Client\)\.GetCallerIdentity: the client's config carries OpenTelemetry tracing`
	_, _ = p.noopSpans.HeadBucket(ctx, &s3.HeadBucketInput{})             // want `network: OnEnd of \*AccountProcessor calls \(\*github\.com/aws/aws-sdk-go-v2/service/s3\.Client\)\.HeadBucket: an AWS API call on every span end \(its instrumentation has a no-op tracer provider`
}

// Shutdown does nothing.
func (p *AccountProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *AccountProcessor) ForceFlush(context.Context) error { return nil }
