// Command lazyonce shows why caching the host IP lazily inside the hot path
// does not fix the incident in ../incident. sync.OnceValue runs the lookup
// on the first call, but that lookup goes through the instrumented
// transport and starts a span; the nested OnStart calls hostIP() again on
// the same goroutine, and the Once waits for itself to finish.
//
// Running it is expected to hang on the first span. The runtime cannot
// report "all goroutines are asleep" because the loopback server's accept
// loop is parked in the network poller, so the program never exits.
package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// metadataURL stands in for http://169.254.169.254; main points it at a
// loopback server so the program runs anywhere.
var metadataURL = "http://169.254.169.254"

// hostIP looks the address up once, on first use. First use is inside
// OnStart, which is exactly where the lookup must not happen.
var hostIP = sync.OnceValue(func() string {
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
})

// SystemInfoSpanProcessor stamps the host IP on every span.
type SystemInfoSpanProcessor struct{}

// OnStart runs synchronously inside every Tracer.Start, including the one
// otelhttp makes for the lookup that hostIP is still in the middle of.
func (p *SystemInfoSpanProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("host.ip", hostIP()))
}

// OnEnd, Shutdown and ForceFlush have nothing to do.
func (p *SystemInfoSpanProcessor) OnEnd(sdktrace.ReadOnlySpan)      {}
func (p *SystemInfoSpanProcessor) Shutdown(context.Context) error   { return nil }
func (p *SystemInfoSpanProcessor) ForceFlush(context.Context) error { return nil }

func main() {
	var requests atomic.Int64
	imds := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		requests.Add(1)
		fmt.Fprint(w, "10.0.0.7")
	}))
	defer imds.Close()
	metadataURL = imds.URL

	// Program-wide HTTP client instrumentation, as in ../incident.
	http.DefaultTransport = otelhttp.NewTransport(http.DefaultTransport)

	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(&SystemInfoSpanProcessor{}))
	defer tp.Shutdown(context.Background())
	otel.SetTracerProvider(tp)

	// The first span blocks forever inside Start.
	_, span := otel.Tracer("lazyonce").Start(context.Background(), "GET /dashboard")
	span.End()

	fmt.Fprintf(os.Stderr, "metadata requests: %d\n", requests.Load())
	fmt.Println("ok")
}
