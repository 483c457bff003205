// Command clean_batcher_otlp exports through a batch processor: the export
// runs in the processor's goroutine, not in span.End.
package main

import (
	"context"

	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	exp, err := otlptracehttp.New(context.Background(), otlptracehttp.WithEndpoint("collector:4318"))
	if err != nil {
		panic(err)
	}
	_ = sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
}
