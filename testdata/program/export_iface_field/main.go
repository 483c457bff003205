// Command export_iface_field keeps a stdout exporter behind the
// sdktrace.SpanExporter interface and exports every span from its own
// processor's OnEnd: a file write per span end. The exporter is built by a
// library constructor, which the call graph does not read: the value flow
// names its type.
package main

import (
	"context"

	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// dumper exports each span as it ends.
type dumper struct{ exp sdktrace.SpanExporter }

func (d dumper) OnStart(context.Context, sdktrace.ReadWriteSpan) {}
func (d dumper) OnEnd(s sdktrace.ReadOnlySpan) {
	_ = d.exp.ExportSpans(context.Background(), []sdktrace.ReadOnlySpan{s}) // want `io: OnEnd of dumper calls \(\*go\.opentelemetry\.io/otel/exporters/stdout/stdouttrace\.Exporter\)\.ExportSpans: a JSON write of the spans to standard output on every span end`
}
func (d dumper) Shutdown(context.Context) error   { return nil }
func (d dumper) ForceFlush(context.Context) error { return nil }

func main() {
	exp, err := stdouttrace.New()
	if err != nil {
		panic(err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(dumper{exp: exp}))
	_ = tp
}
