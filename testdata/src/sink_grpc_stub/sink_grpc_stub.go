// Package sink_grpc_stub calls a generated gRPC client from hooks: through
// a connection with the otelgrpc stats handler (the call starts a span) and
// through a plain one (network I/O). The client is an interface whose
// implementation the walk cannot see; the method's shape says what it is.
package sink_grpc_stub

import (
	"context"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"example.com/fx/sink_grpc_stub/zonepb"
)

// ZoneProcessor stamps the zone.
type ZoneProcessor struct {
	traced, plain zonepb.ZoneClient
}

var _ sdktrace.SpanProcessor = (*ZoneProcessor)(nil)

// NewZoneProcessor dials the zone service twice.
func NewZoneProcessor() (*ZoneProcessor, error) {
	tc, err := grpc.NewClient("zone:443", grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
	if err != nil {
		return nil, err
	}
	pc, err := grpc.NewClient("zone:443", grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	return &ZoneProcessor{traced: zonepb.NewZoneClient(tc), plain: zonepb.NewZoneClient(pc)}, nil
}

// OnStart asks through the traced connection.
func (p *ZoneProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	if r, err := p.traced.GetZone(ctx, &zonepb.ZoneRequest{Host: "h"}); err == nil { // want `reentrancy: OnStart of \*ZoneProcessor calls \(example\.com/fx/sink_grpc_stub/zonepb\.ZoneClient\)\.GetZone: the connection uses the otelgrpc stats handler`
		s.SetAttributes(attribute.String("cloud.availability_zone", r.Zone))
	}
}

// OnEnd asks through the plain connection.
func (p *ZoneProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	_, _ = p.plain.GetZone(context.Background(), &zonepb.ZoneRequest{Host: "h"}) // want `network: OnEnd of \*ZoneProcessor calls \(example\.com/fx/sink_grpc_stub/zonepb\.ZoneClient\)\.GetZone: a gRPC call \(generated client\) on every span end`
}

// Shutdown does nothing.
func (p *ZoneProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *ZoneProcessor) ForceFlush(context.Context) error { return nil }
