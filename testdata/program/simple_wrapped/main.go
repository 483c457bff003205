// Command simple_wrapped registers its own filter, which delegates to a
// simple span processor over the stdout exporter: a file write per span
// end, under the simple processor's mutex.
package main

import (
	"context"
	"strings"

	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// filter drops health checks.
type filter struct{ next sdktrace.SpanProcessor }

func (f filter) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) { f.next.OnStart(ctx, s) }
func (f filter) OnEnd(s sdktrace.ReadOnlySpan) {
	if !strings.HasPrefix(s.Name(), "health") {
		f.next.OnEnd(s)
	}
}
func (f filter) Shutdown(ctx context.Context) error   { return f.next.Shutdown(ctx) }
func (f filter) ForceFlush(ctx context.Context) error { return f.next.ForceFlush(ctx) }

func main() {
	exp, err := stdouttrace.New()
	if err != nil {
		panic(err)
	}
	next := sdktrace.NewSimpleSpanProcessor(exp) // want `io: OnEnd of the simple span processor \(sdktrace\.NewSimpleSpanProcessor\) calls \(\*go\.opentelemetry\.io/otel/exporters/stdout/stdouttrace\.Exporter\)\.ExportSpans: a JSON write of the spans to standard output on every span end`
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(filter{next: next}))
	_ = tp
}
