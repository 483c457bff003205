// Command clean_instrumented_client_in_handlers instruments
// http.DefaultTransport for its request handlers; its processor does no
// I/O at all.
package main

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/clean_instrumented_client_in_handlers/telemetry"
)

func main() {
	http.DefaultTransport = otelhttp.NewTransport(http.DefaultTransport)
	_ = sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(telemetry.LowerProcessor{}))
	http.HandleFunc("/up", func(w http.ResponseWriter, r *http.Request) {
		resp, err := http.Get("http://backend.internal/health")
		if err == nil {
			resp.Body.Close()
		}
	})
}
