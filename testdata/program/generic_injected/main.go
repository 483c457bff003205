// Command generic_injected instantiates a generic processor with a source
// that asks a metadata service over an otelhttp client: the request starts
// a span, which runs OnStart again.
//
// Run: overflows the stack
package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime/debug"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/generic_injected/enrich"
)

// zone asks the metadata service for the availability zone.
type zone struct {
	hc  *http.Client
	url string
}

func (z *zone) Key() string { return "cloud.availability_zone" }
func (z *zone) Value(ctx context.Context) string {
	resp, err := z.hc.Get(z.url)
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func main() {
	// The transport's tracer is the global provider's, set below.
	hc := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}
	p := enrich.New(&zone{hc: hc, url: "http://127.0.0.1:1/zone"})
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(p))
	otel.SetTracerProvider(tp)

	// One span: the hook runs on its start.
	debug.SetMaxStack(64 << 20)
	_, span := tp.Tracer("fixture").Start(context.Background(), "work")
	span.End()
	fmt.Println("ok")
}
