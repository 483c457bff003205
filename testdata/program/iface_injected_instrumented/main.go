// Command iface_injected_instrumented is the incident across packages: main
// instruments http.DefaultTransport and injects an IMDS-backed HostInfo
// into the span processor.
//
// Run: overflows the stack on the first span.
package main

import (
	"context"
	"fmt"
	"net/http"
	"runtime/debug"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/iface_injected_instrumented/hostinfo"
	"example.com/prog/iface_injected_instrumented/telemetry"
)

func main() {
	var tp *sdktrace.TracerProvider
	tp = sdktrace.NewTracerProvider(
		sdktrace.WithSpanProcessor(telemetry.NewHostProcessor(&hostinfo.IMDS{URL: "http://127.0.0.1:1"})),
	)
	http.DefaultTransport = otelhttp.NewTransport(http.DefaultTransport, otelhttp.WithTracerProvider(tp))

	// One span: the hook runs on its start.
	debug.SetMaxStack(64 << 20)
	_, span := tp.Tracer("fixture").Start(context.Background(), "work")
	span.End()
	fmt.Println("ok")
}
