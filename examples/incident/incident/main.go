// Command incident reproduces, in Go, the outage described in the
// clickpost RCA of 4 May 2026: a span processor looks up the host IP from
// the instance metadata service on every span start, through an HTTP client
// that OpenTelemetry instruments. The instrumented request starts a span,
// which runs OnStart again, which makes the request again: the first span
// never finishes and the goroutine's stack overflows.
//
// Running it is expected to crash with "fatal error: stack overflow".
// See ../fixed for the repair and ../lazyonce for a tempting non-repair.
package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime/debug"
	"strings"
	"sync/atomic"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// metadataURL stands in for http://169.254.169.254; main points it at a
// loopback server so the program runs anywhere.
var metadataURL = "http://169.254.169.254"

// SystemInfoSpanProcessor stamps the host IP on every span so that slow
// requests can be correlated with per-host GC pressure.
type SystemInfoSpanProcessor struct{}

// OnStart runs synchronously inside every Tracer.Start. The bug: it does
// network I/O here, and that I/O is itself traced.
func (p *SystemInfoSpanProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("host.ip", getHostIP()))
}

// OnEnd, Shutdown and ForceFlush have nothing to do.
func (p *SystemInfoSpanProcessor) OnEnd(sdktrace.ReadOnlySpan)      {}
func (p *SystemInfoSpanProcessor) Shutdown(context.Context) error   { return nil }
func (p *SystemInfoSpanProcessor) ForceFlush(context.Context) error { return nil }

// getHostIP asks the metadata service. http.Get uses http.DefaultTransport,
// which main has wrapped with otelhttp, so this request starts a span.
func getHostIP() string {
	resp, err := http.Get(metadataURL + "/latest/meta-data/local-ipv4")
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

func main() {
	// The recursion would otherwise grow the stack to the 1 GB default
	// before the runtime gives up; 64 MB makes it die in well under a second.
	debug.SetMaxStack(64 << 20)

	var requests atomic.Int64
	imds := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		requests.Add(1)
		fmt.Fprint(w, "10.0.0.7")
	}))
	defer imds.Close()
	metadataURL = imds.URL

	// Program-wide HTTP client instrumentation, as in the Python service
	// (auto-instrumented urllib). This is what closes the loop.
	http.DefaultTransport = otelhttp.NewTransport(http.DefaultTransport)

	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(&SystemInfoSpanProcessor{}))
	defer tp.Shutdown(context.Background())
	otel.SetTracerProvider(tp)

	// One span is enough: this call never returns.
	_, span := otel.Tracer("incident").Start(context.Background(), "GET /dashboard")
	span.End()

	fmt.Fprintf(os.Stderr, "metadata requests: %d\n", requests.Load())
	fmt.Println("ok")
}
