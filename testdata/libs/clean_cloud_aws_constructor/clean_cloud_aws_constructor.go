// Package clean_cloud_aws_constructor asks STS once, in the constructor,
// and only reads the client's options on the hot path.
package clean_cloud_aws_constructor

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// AccountProcessor stamps the account.
type AccountProcessor struct {
	client  *sts.Client
	account string
}

// NewAccountProcessor asks once.
func NewAccountProcessor(ctx context.Context, cfg aws.Config) *AccountProcessor {
	c := sts.NewFromConfig(cfg)
	p := &AccountProcessor{client: c}
	if out, err := c.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{}); err == nil {
		p.account = aws.ToString(out.Account)
	}
	return p
}

// OnStart stamps the account and the region from the client's options.
func (p *AccountProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("cloud.account.id", p.account), attribute.String("cloud.region", p.client.Options().Region))
}

// OnEnd does nothing.
func (p *AccountProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *AccountProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *AccountProcessor) ForceFlush(context.Context) error { return nil }
