// Command simple_handed_on hands a simple span processor over the stdout
// exporter to another vendor's setup helper, which registers it: a file
// write per span end.
package main

import (
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/third/otelsetup"
)

func main() {
	exp, err := stdouttrace.New()
	if err != nil {
		panic(err)
	}
	tp := otelsetup.Start(otelsetup.WithSpanProcessors(sdktrace.NewSimpleSpanProcessor(exp))) // want `io: OnEnd of the simple span processor \(sdktrace\.NewSimpleSpanProcessor\) calls \(\*go\.opentelemetry\.io/otel/exporters/stdout/stdouttrace\.Exporter\)\.ExportSpans`
	_ = tp
}
