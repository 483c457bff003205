// Command syncer_otlp exports every span synchronously to an OTLP
// collector: the export runs in span.End, under the simple processor's
// mutex.
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
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp)) // want `network: OnEnd of the simple span processor \(sdktrace\.WithSyncer\) calls \(\*go\.opentelemetry\.io/otel/exporters/otlp/otlptrace\.Exporter\)\.ExportSpans: an OTLP export over HTTP \(the exporter.s own transport, without otelhttp\) on every span end; export with a batch span processor`
	_ = tp
}
