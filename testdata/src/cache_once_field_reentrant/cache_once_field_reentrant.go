// Package cache_once_field_reentrant caches the host IP with a sync.Once
// field, lazily, around a call through an otelhttp-instrumented client: the
// nested OnStart blocks in once.Do on the same goroutine: deadlock.
package cache_once_field_reentrant

import (
	"context"
	"io"
	"net/http"
	"sync"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// HostIPProcessor adds host.ip, fetched once on first use.
type HostIPProcessor struct {
	client *http.Client
	once   sync.Once
	ip     string
}

var _ sdktrace.SpanProcessor = (*HostIPProcessor)(nil)

// NewHostIPProcessor builds an instrumented client.
func NewHostIPProcessor() *HostIPProcessor {
	return &HostIPProcessor{client: &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}}
}

// OnStart adds host.ip.
func (p *HostIPProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	p.once.Do(func() { p.ip = p.fetch(ctx) }) // want `deadlock: OnStart of \*HostIPProcessor calls \(\*HostIPProcessor\)\.OnStart\.func1 \(lazily cached by \(\*sync\.Once\)\.Do\), which calls \(\*HostIPProcessor\)\.fetch, which calls \(\*net/http\.Client\)\.Do`
	s.SetAttributes(attribute.String("host.ip", p.ip))
}

func (p *HostIPProcessor) fetch(ctx context.Context) string {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://169.254.169.254/latest/meta-data/local-ipv4", nil)
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

// OnEnd does nothing.
func (p *HostIPProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *HostIPProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *HostIPProcessor) ForceFlush(context.Context) error { return nil }
