// Package cache_field_memo_reentrant memoises the host IP in a field, around
// a call through an otelhttp-instrumented client. The field is set only after
// the call returns, and the call starts a span that runs OnStart again, which
// finds the field still empty: unbounded recursion on the first span.
package cache_field_memo_reentrant

import (
	"context"
	"io"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// HostIPProcessor adds host.ip, looked up on first use.
type HostIPProcessor struct {
	client *http.Client
	ip     string
}

var _ sdktrace.SpanProcessor = (*HostIPProcessor)(nil)

// NewHostIPProcessor builds an instrumented client.
func NewHostIPProcessor() *HostIPProcessor {
	return &HostIPProcessor{client: &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}}
}

// OnStart adds host.ip, fetching it the first time.
func (p *HostIPProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	if p.ip == "" {
		p.ip = p.fetchIP(ctx) // want `reentrancy: OnStart of \*HostIPProcessor calls \(\*HostIPProcessor\)\.fetchIP, which calls \(\*net/http\.Client\)\.Do`
	}
	s.SetAttributes(attribute.String("host.ip", p.ip))
}

func (p *HostIPProcessor) fetchIP(ctx context.Context) string {
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
