// Package cloud_gcs reads an object's metadata from Cloud Storage on every
// span start. The storage client starts spans of its own through the global
// tracer provider, whatever its options: with telemetry disabled the call
// still starts a span, which runs OnStart again.
package cloud_gcs

import (
	"context"

	"cloud.google.com/go/storage"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"google.golang.org/api/option"
)

// ConfigProcessor stamps the config object's generation.
type ConfigProcessor struct{ obj *storage.ObjectHandle }

// NewConfigProcessor opens the bucket without the client's telemetry.
func NewConfigProcessor(ctx context.Context) (*ConfigProcessor, error) {
	c, err := storage.NewClient(ctx, option.WithTelemetryDisabled())
	if err != nil {
		return nil, err
	}
	return &ConfigProcessor{obj: c.Bucket("config").Object("tracing.json")}, nil
}

// OnStart reads the object's attributes.
func (p *ConfigProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	if attrs, err := p.obj.Attrs(ctx); err == nil { // want `reentrancy: OnStart of \*ConfigProcessor calls \(\*cloud\.google\.com/go/storage\.ObjectHandle\)\.Attrs: the Cloud Storage client starts spans through the global tracer provider`
		s.SetAttributes(attribute.Int64("config.generation", attrs.Generation))
	}
}

// OnEnd does nothing.
func (p *ConfigProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *ConfigProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *ConfigProcessor) ForceFlush(context.Context) error { return nil }
