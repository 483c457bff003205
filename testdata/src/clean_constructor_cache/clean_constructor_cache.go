// Package clean_constructor_cache is the fix for the incident: the host IP is
// fetched once, in the constructor; OnStart only reads the field.
package clean_constructor_cache

import (
	"context"
	"io"
	"net/http"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// SystemInfoSpanProcessor stamps the host IP on every span.
type SystemInfoSpanProcessor struct {
	ip attribute.KeyValue
}

var _ sdktrace.SpanProcessor = (*SystemInfoSpanProcessor)(nil)

// NewSystemInfoSpanProcessor fetches the host IP (at startup).
func NewSystemInfoSpanProcessor() *SystemInfoSpanProcessor {
	return &SystemInfoSpanProcessor{ip: attribute.String("machine.ip", getHostIP())}
}

func getHostIP() string {
	resp, err := http.Get("http://169.254.169.254/latest/meta-data/local-ipv4")
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// OnStart adds the cached IP.
func (p *SystemInfoSpanProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(p.ip)
}

// OnEnd does nothing.
func (p *SystemInfoSpanProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *SystemInfoSpanProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *SystemInfoSpanProcessor) ForceFlush(context.Context) error { return nil }
