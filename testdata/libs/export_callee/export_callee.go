// Package export_callee exports from hooks synchronously: an OTLP export
// over HTTP on every span end, a zipkin export on http.DefaultClient (a span
// when http.DefaultTransport is instrumented), a zipkin export whose client
// is otelhttp's (a span, so OnEnd runs again), and an OTLP log export on
// every record.
package export_callee

import (
	"context"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/exporters/otlp/otlplog/otlploghttp"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/exporters/zipkin"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// MirrorProcessor sends every ended span to three backends as it ends.
type MirrorProcessor struct {
	otlp   *otlptrace.Exporter
	zipkin *zipkin.Exporter
	traced *zipkin.Exporter
}

// NewMirrorProcessor builds the exporters.
func NewMirrorProcessor(ctx context.Context) (*MirrorProcessor, error) {
	otlp, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, err
	}
	z, err := zipkin.New("http://zipkin:9411/api/v2/spans")
	if err != nil {
		return nil, err
	}
	traced, err := zipkin.New("http://zipkin:9411/api/v2/spans",
		zipkin.WithClient(&http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}))
	if err != nil {
		return nil, err
	}
	return &MirrorProcessor{otlp: otlp, zipkin: z, traced: traced}, nil
}

// OnStart does nothing.
func (p *MirrorProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {}

// OnEnd exports the span three times.
func (p *MirrorProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	spans := []sdktrace.ReadOnlySpan{s}
	_ = p.otlp.ExportSpans(context.Background(), spans)   // want `network: OnEnd of \*MirrorProcessor calls \(\*go\.opentelemetry\.io/otel/exporters/otlp/otlptrace\.Exporter\)\.ExportSpans: an OTLP export`
	_ = p.zipkin.ExportSpans(context.Background(), spans) // want `network: OnEnd of \*MirrorProcessor calls \(\*go\.opentelemetry\.io/otel/exporters/zipkin\.Exporter\)\.ExportSpans: a zipkin export over http\.DefaultClient: network I/O on every span end`
	_ = p.traced.ExportSpans(context.Background(), spans) // want `reentrancy: OnEnd of \*MirrorProcessor calls \(\*go\.opentelemetry\.io/otel/exporters/zipkin\.Exporter\)\.ExportSpans`
}

// Shutdown shuts the exporters down.
func (p *MirrorProcessor) Shutdown(ctx context.Context) error { return p.otlp.Shutdown(ctx) }

// ForceFlush does nothing.
func (p *MirrorProcessor) ForceFlush(context.Context) error { return nil }

// ShipProcessor exports every record as it is emitted.
type ShipProcessor struct{ exp *otlploghttp.Exporter }

// NewShipProcessor builds the exporter.
func NewShipProcessor(ctx context.Context) (*ShipProcessor, error) {
	exp, err := otlploghttp.New(ctx)
	if err != nil {
		return nil, err
	}
	return &ShipProcessor{exp: exp}, nil
}

// OnEmit exports the record.
func (p *ShipProcessor) OnEmit(ctx context.Context, r *sdklog.Record) error {
	return p.exp.Export(ctx, []sdklog.Record{*r}) // want `network: OnEmit of \*ShipProcessor calls \(\*go\.opentelemetry\.io/otel/exporters/otlp/otlplog/otlploghttp\.Exporter\)\.Export: an OTLP export over HTTP \(the exporter.s own transport, without otelhttp\) on every log record; export with a batch processor`
}

// Enabled accepts every record.
func (p *ShipProcessor) Enabled(context.Context, sdklog.EnabledParameters) bool { return true }

// Shutdown shuts the exporter down.
func (p *ShipProcessor) Shutdown(ctx context.Context) error { return p.exp.Shutdown(ctx) }

// ForceFlush does nothing.
func (p *ShipProcessor) ForceFlush(context.Context) error { return nil }
