// Command clean_injected_cached_in_constructor injects an instrumented
// IMDS client; the processor asks it once, when it is built.
package main

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/clean_injected_cached_in_constructor/telemetry"
)

type imds struct{ client *http.Client }

func (m imds) IP() string {
	resp, err := m.client.Get("http://169.254.169.254/latest/meta-data/local-ipv4")
	if err != nil {
		return ""
	}
	resp.Body.Close()
	return resp.Status
}

func main() {
	host := imds{client: &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}}
	_ = sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(telemetry.NewHostProcessor(host)))
}
