// Package suppress_noop_provider gives otelhttp and otelgrpc a no-op tracer
// provider: that removes the re-entry but not the I/O, so the calls are
// network findings, not re-entrancy.
package suppress_noop_provider

import (
	"context"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace/noop"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// InventoryProcessor asks an inventory service about every span.
type InventoryProcessor struct {
	client *http.Client
	conn   *grpc.ClientConn
}

var _ sdktrace.SpanProcessor = (*InventoryProcessor)(nil)

// NewInventoryProcessor builds suppressed HTTP and gRPC clients.
func NewInventoryProcessor(target string) (*InventoryProcessor, error) {
	client := &http.Client{Transport: otelhttp.NewTransport(
		http.DefaultTransport.(*http.Transport).Clone(),
		otelhttp.WithTracerProvider(noop.NewTracerProvider()))}
	conn, err := grpc.NewClient(target,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithStatsHandler(otelgrpc.NewClientHandler(otelgrpc.WithTracerProvider(noop.NewTracerProvider()))))
	if err != nil {
		return nil, err
	}
	return &InventoryProcessor{client: client, conn: conn}, nil
}

// OnStart asks over HTTP.
func (p *InventoryProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {
	resp, err := p.client.Get("http://inventory.internal/host") // want `network: OnStart of \*InventoryProcessor calls \(\*net/http\.Client\)\.Get`
	if err == nil {
		resp.Body.Close()
	}
}

// OnEnd asks over gRPC.
func (p *InventoryProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	var reply struct{}
	_ = p.conn.Invoke(context.Background(), "/inventory.v1.Inventory/Host", s.Name(), &reply) // want `network: OnEnd of \*InventoryProcessor calls \(\*google\.golang\.org/grpc\.ClientConn\)\.Invoke`
}

// Shutdown closes the connection.
func (p *InventoryProcessor) Shutdown(context.Context) error { return p.conn.Close() }

// ForceFlush does nothing.
func (p *InventoryProcessor) ForceFlush(context.Context) error { return nil }
