// Command simple_exporter_closure chooses how to build its exporter in a
// function variable, as configuration code does, and registers a simple
// processor over what it builds: a file write per span end.
package main

import (
	"os"

	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

func main() {
	var newExporter func() (sdktrace.SpanExporter, error)
	if os.Getenv("TRACE_TO_MEMORY") != "" {
		newExporter = func() (sdktrace.SpanExporter, error) { return tracetest.NewInMemoryExporter(), nil }
	} else {
		newExporter = func() (sdktrace.SpanExporter, error) { return stdouttrace.New() }
	}
	exp, err := newExporter()
	if err != nil {
		panic(err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(sdktrace.NewSimpleSpanProcessor(exp))) // want `io: OnEnd of the simple span processor \(sdktrace\.NewSimpleSpanProcessor\) calls \(\*go\.opentelemetry\.io/otel/exporters/stdout/stdouttrace\.Exporter\)\.ExportSpans`
	_ = tp
}
