// Package incident is the Go version of the seed incident: a span processor
// asks the EC2 metadata endpoint for the host IP on every span start, through
// net/http's package-level Get (and so through http.DefaultTransport).
package incident

import (
	"context"
	"io"
	"net/http"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// SystemInfoSpanProcessor stamps the host IP on every span.
type SystemInfoSpanProcessor struct{}

var _ sdktrace.SpanProcessor = (*SystemInfoSpanProcessor)(nil)

// OnStart adds machine.ip to the span.
func (p *SystemInfoSpanProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("machine.ip", getHostIP())) // want `network: OnStart of \*SystemInfoSpanProcessor calls getHostIP, which calls net/http\.Get`
}

// OnEnd does nothing.
func (p *SystemInfoSpanProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *SystemInfoSpanProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *SystemInfoSpanProcessor) ForceFlush(context.Context) error { return nil }

func getHostIP() string {
	resp, err := http.Get("http://169.254.169.254/latest/meta-data/local-ipv4")
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}
