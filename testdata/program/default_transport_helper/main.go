// Command default_transport_helper instruments http.DefaultTransport; its
// processor's helper, in another package, uses it.
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

	"example.com/prog/default_transport_helper/telemetry"
)

func main() {
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(&telemetry.RegionProcessor{}))
	http.DefaultTransport = otelhttp.NewTransport(http.DefaultTransport, otelhttp.WithTracerProvider(tp))

	// One span: the hook runs on its start.
	debug.SetMaxStack(64 << 20)
	_, span := tp.Tracer("fixture").Start(context.Background(), "work")
	span.End()
	fmt.Println("ok")
}
