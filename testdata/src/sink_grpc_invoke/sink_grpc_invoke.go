// Package sink_grpc_invoke sends an audit RPC on every span end over a plain
// (uninstrumented) gRPC connection: network I/O, no re-entry.
package sink_grpc_invoke

import (
	"context"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// AuditProcessor records every ended span in an audit service.
type AuditProcessor struct {
	conn *grpc.ClientConn
}

var _ sdktrace.SpanProcessor = (*AuditProcessor)(nil)

// NewAuditProcessor creates the connection (grpc.NewClient does not dial).
func NewAuditProcessor(target string) (*AuditProcessor, error) {
	conn, err := grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	return &AuditProcessor{conn: conn}, nil
}

// OnStart does nothing.
func (p *AuditProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {}

// OnEnd records the span.
func (p *AuditProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	var reply struct{}
	_ = p.conn.Invoke(context.Background(), "/audit.v1.Audit/Record", s.Name(), &reply) // want `network: OnEnd of \*AuditProcessor calls \(\*google\.golang\.org/grpc\.ClientConn\)\.Invoke`
}

// Shutdown closes the connection.
func (p *AuditProcessor) Shutdown(context.Context) error { return p.conn.Close() }

// ForceFlush does nothing.
func (p *AuditProcessor) ForceFlush(context.Context) error { return nil }
