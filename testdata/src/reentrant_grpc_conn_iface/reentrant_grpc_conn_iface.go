// Package reentrant_grpc_conn_iface holds its connections as
// grpc.ClientConnInterface, as generated stubs do: the connection that
// flows into the field decides, one with the otelgrpc stats handler starts a
// span per call, a plain one is network I/O.
package reentrant_grpc_conn_iface

import (
	"context"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// TenantProcessor looks the tenant up in a directory service.
type TenantProcessor struct {
	traced, plain grpc.ClientConnInterface
}

// NewTenantProcessor dials twice; one connection is instrumented.
func NewTenantProcessor(target string) (*TenantProcessor, error) {
	traced, err := grpc.NewClient(target,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
	if err != nil {
		return nil, err
	}
	plain, err := grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	return &TenantProcessor{traced: traced, plain: plain}, nil
}

// OnStart asks through the instrumented connection.
func (p *TenantProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	var reply struct{ Tenant string }
	_ = p.traced.Invoke(ctx, "/directory.v1.Directory/Tenant", s.Name(), &reply) // want `reentrancy: OnStart of \*TenantProcessor calls \(google\.golang\.org/grpc\.ClientConnInterface\)\.Invoke: the connection uses the otelgrpc stats handler`
}

// OnEnd asks through the plain connection.
func (p *TenantProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	var reply struct{ Tenant string }
	_ = p.plain.Invoke(context.Background(), "/directory.v1.Directory/Tenant", s.Name(), &reply) // want `network: OnEnd of \*TenantProcessor calls \(google\.golang\.org/grpc\.ClientConnInterface\)\.Invoke: a gRPC call on every span end`
}

// Shutdown does nothing.
func (p *TenantProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *TenantProcessor) ForceFlush(context.Context) error { return nil }
