// Command lazyonce_injected caches its zone lookup lazily with
// sync.OnceValue; the lookup's client is instrumented.
//
// Run: hangs on the first span.
package main

import (
	"context"
	"fmt"
	"net/http"
	"runtime/debug"
	"sync"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/lazyonce_injected/telemetry"
)

var client *http.Client

func fetchZone() string {
	resp, err := client.Get("http://127.0.0.1:1/zone")
	if err != nil {
		return ""
	}
	resp.Body.Close()
	return resp.Status
}

func main() {
	client = &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(telemetry.NewZoneProcessor(sync.OnceValue(fetchZone))))
	// The instrumentation uses the global provider: this one.
	otel.SetTracerProvider(tp)

	// One span: the hook runs on its start.
	debug.SetMaxStack(64 << 20)
	_, span := tp.Tracer("fixture").Start(context.Background(), "work")
	span.End()
	fmt.Println("ok")
}
