// Command syncer_stdout prints every span synchronously to standard
// output, a file write per span end.
package main

import (
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	exp, err := stdouttrace.New(stdouttrace.WithPrettyPrint())
	if err != nil {
		panic(err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp)) // want `io: OnEnd of the simple span processor \(sdktrace\.WithSyncer\) calls \(\*go\.opentelemetry\.io/otel/exporters/stdout/stdouttrace\.Exporter\)\.ExportSpans: a JSON write of the spans to standard output on every span end`
	_ = tp
}
