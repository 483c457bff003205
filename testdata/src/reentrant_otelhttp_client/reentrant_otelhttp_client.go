// Package reentrant_otelhttp_client calls out through otelhttp-instrumented
// transports from span hooks: every request starts a span, which runs the
// hooks again.
package reentrant_otelhttp_client

import (
	"context"
	"io"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// RegionProcessor adds cloud.region from an internal service.
type RegionProcessor struct {
	client *http.Client
	rt     *otelhttp.Transport
}

var _ sdktrace.SpanProcessor = (*RegionProcessor)(nil)

// NewRegionProcessor builds an instrumented client and transport.
func NewRegionProcessor() *RegionProcessor {
	return &RegionProcessor{
		client: &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)},
		rt:     otelhttp.NewTransport(http.DefaultTransport),
	}
}

// OnStart adds the region.
func (p *RegionProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("cloud.region", p.region(ctx))) // want `reentrancy: OnStart of \*RegionProcessor calls \(\*RegionProcessor\)\.region, which calls \(\*net/http\.Client\)\.Do`
}

func (p *RegionProcessor) region(ctx context.Context) string {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://config.internal/region", nil)
	if err != nil {
		return ""
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// OnEnd notifies a collector through the bare otelhttp transport.
func (p *RegionProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	req, err := http.NewRequest(http.MethodPost, "http://collector.internal/ended", nil)
	if err != nil {
		return
	}
	resp, err := p.rt.RoundTrip(req) // want `reentrancy: OnEnd of \*RegionProcessor calls \(\*go\.opentelemetry\.io/contrib/instrumentation/net/http/otelhttp\.Transport\)\.RoundTrip`
	if err == nil {
		resp.Body.Close()
	}
}

// Shutdown does nothing.
func (p *RegionProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *RegionProcessor) ForceFlush(context.Context) error { return nil }
