// Package telemetry has a span processor configured with a lookup function.
package telemetry

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// TagProcessor stamps a tag the lookup returns.
type TagProcessor struct {
	lookup func() string
}

// Option configures a TagProcessor.
type Option func(*TagProcessor)

// WithLookup sets the function that returns the tag.
func WithLookup(f func() string) Option { return func(p *TagProcessor) { p.lookup = f } }

// NewTagProcessor returns a processor with the options.
func NewTagProcessor(opts ...Option) *TagProcessor {
	p := &TagProcessor{lookup: func() string { return "" }}
	for _, o := range opts {
		o(p)
	}
	return p
}

// OnStart stamps the tag.
func (p *TagProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("tag", p.lookup())) // want `io: OnStart of \*TagProcessor calls example\.com/prog/option_func_file\.main\.func1, which calls os\.ReadFile: a file read on every span start`
}

// OnEnd does nothing.
func (p *TagProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *TagProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *TagProcessor) ForceFlush(context.Context) error { return nil }
