// Package clean_grpc_eager makes its gRPC call, through an otelgrpc
// instrumented connection, in the constructor; the hook reads the result.
package clean_grpc_eager

import (
	"context"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// RegionProcessor stamps the region it asked for at startup.
type RegionProcessor struct{ region string }

var _ sdktrace.SpanProcessor = (*RegionProcessor)(nil)

// NewRegionProcessor asks the config service once.
func NewRegionProcessor(ctx context.Context) (*RegionProcessor, error) {
	conn, err := grpc.NewClient("config:443",
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	var region string
	if err := conn.Invoke(ctx, "/config.Config/Region", nil, &region); err != nil {
		return nil, err
	}
	return &RegionProcessor{region: region}, nil
}

// OnStart stamps the region.
func (p *RegionProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("cloud.region", p.region))
}

// OnEnd does nothing.
func (p *RegionProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *RegionProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *RegionProcessor) ForceFlush(context.Context) error { return nil }
