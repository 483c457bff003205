// Command hostattr is the incident's smaller cousin: a span processor that
// reads a file on every span start. It does not crash (a file read starts
// no span), but it puts a system call on every span's critical path, and
// the fix is mechanical: spanhotpath -fix moves the read into a package
// variable initialised when the program starts.
package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// HostAttrProcessor stamps host.name on every span.
type HostAttrProcessor struct{}

var _ sdktrace.SpanProcessor = (*HostAttrProcessor)(nil)

// OnStart runs synchronously inside every Tracer.Start.
func (p *HostAttrProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("host.name", readHostname()))
}

// OnEnd, Shutdown and ForceFlush have nothing to do.
func (p *HostAttrProcessor) OnEnd(sdktrace.ReadOnlySpan)      {}
func (p *HostAttrProcessor) Shutdown(context.Context) error   { return nil }
func (p *HostAttrProcessor) ForceFlush(context.Context) error { return nil }

func readHostname() string {
	b, err := os.ReadFile("/etc/hostname")
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(b))
}

func main() {
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(&HostAttrProcessor{}))
	otel.SetTracerProvider(tp)
	for range 3 {
		_, span := otel.Tracer("example").Start(context.Background(), "work")
		span.End()
	}
	_ = tp.Shutdown(context.Background())
	fmt.Println("ok")
}
