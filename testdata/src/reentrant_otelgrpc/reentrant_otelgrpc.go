// Package reentrant_otelgrpc calls a gRPC service from OnStart over a
// connection with the otelgrpc client stats handler: every call starts a span.
package reentrant_otelgrpc

import (
	"context"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// TenantProcessor looks the tenant up in a directory service.
type TenantProcessor struct {
	conn *grpc.ClientConn
}

var _ sdktrace.SpanProcessor = (*TenantProcessor)(nil)

// NewTenantProcessor creates an instrumented connection.
func NewTenantProcessor(target string) (*TenantProcessor, error) {
	conn, err := grpc.NewClient(target,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
	if err != nil {
		return nil, err
	}
	return &TenantProcessor{conn: conn}, nil
}

// OnStart asks for the tenant.
func (p *TenantProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	var reply struct{ Tenant string }
	_ = p.conn.Invoke(ctx, "/directory.v1.Directory/Tenant", s.Name(), &reply) // want `reentrancy: OnStart of \*TenantProcessor calls \(\*google\.golang\.org/grpc\.ClientConn\)\.Invoke`
}

// OnEnd does nothing.
func (p *TenantProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown closes the connection.
func (p *TenantProcessor) Shutdown(context.Context) error { return p.conn.Close() }

// ForceFlush does nothing.
func (p *TenantProcessor) ForceFlush(context.Context) error { return nil }
