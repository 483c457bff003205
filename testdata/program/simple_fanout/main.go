// Command simple_fanout registers its own fan-out processor, whose
// children, built in main, include a simple processor over the stdout
// exporter: a file write per span end.
package main

import (
	"context"

	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// fanout runs every child.
type fanout struct{ children []sdktrace.SpanProcessor }

func (f *fanout) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	for _, c := range f.children {
		c.OnStart(ctx, s)
	}
}

func (f *fanout) OnEnd(s sdktrace.ReadOnlySpan) {
	for _, c := range f.children {
		c.OnEnd(s)
	}
}

func (f *fanout) Shutdown(context.Context) error   { return nil }
func (f *fanout) ForceFlush(context.Context) error { return nil }

func main() {
	exp, err := stdouttrace.New()
	if err != nil {
		panic(err)
	}
	f := &fanout{children: []sdktrace.SpanProcessor{
		sdktrace.NewBatchSpanProcessor(exp),
		sdktrace.NewSimpleSpanProcessor(exp), // want `io: OnEnd of the simple span processor \(sdktrace\.NewSimpleSpanProcessor\) calls \(\*go\.opentelemetry\.io/otel/exporters/stdout/stdouttrace\.Exporter\)\.ExportSpans`
	}}
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(f))
	_ = tp
}
