// Package clean_cloud_gcs reads the object's metadata once, in its
// constructor: the hook only reads a field.
package clean_cloud_gcs

import (
	"context"

	"cloud.google.com/go/storage"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// ConfigProcessor stamps the config object's generation.
type ConfigProcessor struct{ generation int64 }

// NewConfigProcessor reads the generation.
func NewConfigProcessor(ctx context.Context, c *storage.Client) (*ConfigProcessor, error) {
	attrs, err := c.Bucket("config").Object("tracing.json").Attrs(ctx)
	if err != nil {
		return nil, err
	}
	return &ConfigProcessor{generation: attrs.Generation}, nil
}

// OnStart stamps the generation read at startup.
func (p *ConfigProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.Int64("config.generation", p.generation))
}

// OnEnd does nothing.
func (p *ConfigProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *ConfigProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *ConfigProcessor) ForceFlush(context.Context) error { return nil }
