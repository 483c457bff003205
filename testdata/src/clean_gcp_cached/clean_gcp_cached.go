// Package clean_gcp_cached calls the GCE metadata getters that the library
// caches itself (ProjectID, InstanceID, OnGCE): not sinks.
package clean_gcp_cached

import (
	"context"

	"cloud.google.com/go/compute/metadata"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// GCEProcessor adds the project and instance.
type GCEProcessor struct{}

var _ sdktrace.SpanProcessor = (*GCEProcessor)(nil)

// OnStart adds the cached project and instance IDs.
func (p *GCEProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	if !metadata.OnGCEWithContext(ctx) {
		return
	}
	project, _ := metadata.ProjectIDWithContext(ctx)
	instance, _ := metadata.InstanceIDWithContext(ctx)
	number, _ := metadata.NumericProjectIDWithContext(ctx) // cached like ProjectID (metadata.go, projNum)
	s.SetAttributes(attribute.String("cloud.account.id", project), attribute.String("host.id", instance),
		attribute.String("gcp.project.number", number))
}

// OnEnd does nothing.
func (p *GCEProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *GCEProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *GCEProcessor) ForceFlush(context.Context) error { return nil }
