// Command clean_refresher_goroutine gives its processor an instrumented
// client; only the processor's own goroutine uses it.
package main

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/clean_refresher_goroutine/telemetry"
)

func main() {
	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}
	_ = sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(telemetry.NewRegionProcessor(client)))
}
