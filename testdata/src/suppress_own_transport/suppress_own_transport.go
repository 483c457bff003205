// Package suppress_own_transport calls out through a client on a transport it
// builds itself and does not wrap (as the OTLP exporters do): no span, so no
// re-entry, but still network I/O on every span.
package suppress_own_transport

import (
	"context"
	"net/http"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// InventoryProcessor asks an inventory service about every span.
type InventoryProcessor struct {
	client *http.Client
}

var _ sdktrace.SpanProcessor = (*InventoryProcessor)(nil)

// NewInventoryProcessor builds a client on its own transport.
func NewInventoryProcessor() *InventoryProcessor {
	return &InventoryProcessor{client: &http.Client{
		Transport: &http.Transport{MaxIdleConns: 1, IdleConnTimeout: time.Minute},
		Timeout:   time.Second,
	}}
}

// OnStart asks the service.
func (p *InventoryProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {
	resp, err := p.client.Get("http://inventory.internal/host") // want `network: OnStart of \*InventoryProcessor calls \(\*net/http\.Client\)\.Get`
	if err == nil {
		resp.Body.Close()
	}
}

// OnEnd does nothing.
func (p *InventoryProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *InventoryProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *InventoryProcessor) ForceFlush(context.Context) error { return nil }
