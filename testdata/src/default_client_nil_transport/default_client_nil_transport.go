// Package default_client_nil_transport calls out through clients that use
// http.DefaultTransport: one with a nil Transport, and http.DefaultClient.
// Whether that re-enters depends on the program's setup, outside this
// package: network I/O, with the re-entry spelt out.
package default_client_nil_transport

import (
	"context"
	"net/http"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// PingProcessor pings a health endpoint around every span.
type PingProcessor struct {
	client *http.Client
	url    string
}

var _ sdktrace.SpanProcessor = (*PingProcessor)(nil)

// NewPingProcessor builds a client with a timeout and no Transport.
func NewPingProcessor(url string) *PingProcessor {
	return &PingProcessor{client: &http.Client{Timeout: 2 * time.Second}, url: url}
}

// OnStart pings through the processor's client.
func (p *PingProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {
	resp, err := p.client.Get(p.url) // want `network: OnStart of \*PingProcessor calls \(\*net/http\.Client\)\.Get: .*re-enters OnStart when http\.DefaultTransport is instrumented`
	if err == nil {
		resp.Body.Close()
	}
}

// OnEnd pings through http.DefaultClient.
func (p *PingProcessor) OnEnd(sdktrace.ReadOnlySpan) {
	req, err := http.NewRequest(http.MethodHead, p.url, nil)
	if err != nil {
		return
	}
	resp, err := http.DefaultClient.Do(req) // want `network: OnEnd of \*PingProcessor calls \(\*net/http\.Client\)\.Do: .*re-enters On(Start|End) when http\.DefaultTransport is instrumented`
	if err == nil {
		resp.Body.Close()
	}
}

// Shutdown does nothing.
func (p *PingProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *PingProcessor) ForceFlush(context.Context) error { return nil }
