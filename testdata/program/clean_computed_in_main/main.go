// Command clean_computed_in_main asks the metadata service once, in main,
// through its instrumented default transport, before any tracer provider
// exists, and passes the answer as plain data.
package main

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/clean_computed_in_main/telemetry"
)

func main() {
	http.DefaultTransport = otelhttp.NewTransport(http.DefaultTransport)
	ip := ""
	if resp, err := http.Get("http://169.254.169.254/latest/meta-data/local-ipv4"); err == nil {
		ip = resp.Status
		resp.Body.Close()
	}
	_ = sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(telemetry.NewHostProcessor(ip)))
}
