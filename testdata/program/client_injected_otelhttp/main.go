// Command client_injected_otelhttp gives its processor the program's
// instrumented HTTP client.
//
// Run: overflows the stack on the first span.
package main

import (
	"context"
	"fmt"
	"net/http"
	"runtime/debug"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/client_injected_otelhttp/telemetry"
)

func main() {
	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(telemetry.NewOwnerProcessor(client, "http://127.0.0.1:1/owner")))
	// The instrumentation uses the global provider: this one.
	otel.SetTracerProvider(tp)

	// One span: the hook runs on its start.
	debug.SetMaxStack(64 << 20)
	_, span := tp.Tracer("fixture").Start(context.Background(), "work")
	span.End()
	fmt.Println("ok")
}
