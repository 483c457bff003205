// Command own_transport_default_instrumented instruments
// http.DefaultTransport, but its processor's client has a transport of its
// own: network I/O per span, no re-entry.
package main

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/own_transport_default_instrumented/telemetry"
)

func main() {
	http.DefaultTransport = otelhttp.NewTransport(http.DefaultTransport)
	_ = sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(telemetry.NewQuotaProcessor()))
}
