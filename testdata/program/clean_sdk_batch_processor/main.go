// Command clean_sdk_batch_processor registers the SDK's own batch span
// processor (a hook type of another module): it only enqueues in OnEnd.
package main

import (
	"context"

	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	exp, err := otlptracehttp.New(context.Background())
	if err != nil {
		panic(err)
	}
	_ = sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(sdktrace.NewBatchSpanProcessor(exp)))
}
