// Package cache_once_pkg_reentrant caches the host IP in a package-level
// sync.OnceValue, lazily, around a call through an otelhttp-instrumented
// client. The call starts a span; the nested OnStart calls hostIP again on
// the same goroutine, while the first call is still running: deadlock.
package cache_once_pkg_reentrant

import (
	"context"
	"io"
	"net/http"
	"sync"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

var client = &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}

var hostIP = sync.OnceValue(fetchHostIP)

func fetchHostIP() string {
	resp, err := client.Get("http://169.254.169.254/latest/meta-data/local-ipv4")
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// HostIPProcessor adds host.ip.
type HostIPProcessor struct{}

var _ sdktrace.SpanProcessor = (*HostIPProcessor)(nil)

// OnStart adds host.ip.
func (p *HostIPProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("host.ip", hostIP())) // want `deadlock: OnStart of \*HostIPProcessor calls hostIP \(lazily cached by sync\.OnceValue\), which calls \(\*net/http\.Client\)\.Get`
}

// OnEnd does nothing.
func (p *HostIPProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *HostIPProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *HostIPProcessor) ForceFlush(context.Context) error { return nil }
