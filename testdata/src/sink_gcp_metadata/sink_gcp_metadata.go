// Package sink_gcp_metadata asks the GCE metadata server on every span start
// and end. ProjectID, InstanceID and OnGCE are cached by the library and are
// not findings.
package sink_gcp_metadata

import (
	"context"
	"net/http"
	"time"

	"cloud.google.com/go/compute/metadata"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// GCEProcessor adds GCE attributes.
type GCEProcessor struct {
	md *metadata.Client
}

var _ sdktrace.SpanProcessor = (*GCEProcessor)(nil)

// NewGCEProcessor builds a metadata client (no request yet).
func NewGCEProcessor() *GCEProcessor {
	return &GCEProcessor{md: metadata.NewClient(&http.Client{Timeout: time.Second})}
}

// OnStart adds the zone and the project.
func (p *GCEProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	zone, _ := metadata.ZoneWithContext(ctx) // want `network: OnStart of \*GCEProcessor calls cloud\.google\.com/go/compute/metadata\.ZoneWithContext`
	project, _ := metadata.ProjectIDWithContext(ctx)
	s.SetAttributes(attribute.String("cloud.availability_zone", zone), attribute.String("cloud.account.id", project))
}

// OnEnd adds nothing, but asks for the internal IP.
func (p *GCEProcessor) OnEnd(sdktrace.ReadOnlySpan) {
	_, _ = p.md.InternalIPWithContext(context.Background()) // want `network: OnEnd of \*GCEProcessor calls \(\*cloud\.google\.com/go/compute/metadata\.Client\)\.InternalIPWithContext`
	// Unlike the package-level OnGCE, a Client's probes every time.
	_ = p.md.OnGCEWithContext(context.Background()) // want `network: OnEnd of \*GCEProcessor calls \(\*cloud\.google\.com/go/compute/metadata\.Client\)\.OnGCEWithContext: a metadata server probe over HTTP and DNS`
}

// Shutdown does nothing.
func (p *GCEProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *GCEProcessor) ForceFlush(context.Context) error { return nil }
