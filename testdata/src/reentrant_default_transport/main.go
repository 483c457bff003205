// Command reentrant_default_transport instruments http.DefaultTransport
// program-wide, so the processor's http.Get starts a span: re-entry, not
// just network I/O.
package main

import (
	"context"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// IPProcessor asks the metadata endpoint for the host IP.
type IPProcessor struct{}

var _ sdktrace.SpanProcessor = (*IPProcessor)(nil)

// OnStart fetches the IP.
func (p *IPProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {
	resp, err := http.Get("http://169.254.169.254/latest/meta-data/local-ipv4") // want `reentrancy: OnStart of \*IPProcessor calls net/http\.Get`
	if err == nil {
		resp.Body.Close()
	}
}

// OnEnd does nothing.
func (p *IPProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *IPProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *IPProcessor) ForceFlush(context.Context) error { return nil }

func main() {
	http.DefaultTransport = otelhttp.NewTransport(http.DefaultTransport)
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(&IPProcessor{}))
	defer tp.Shutdown(context.Background())
	otel.SetTracerProvider(tp)
}
