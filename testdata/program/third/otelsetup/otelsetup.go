// Package otelsetup is another vendor's configuration helper: options
// collect span processors, Start registers them.
package otelsetup

import sdktrace "go.opentelemetry.io/otel/sdk/trace"

// Option configures Start.
type Option func(*config)

type config struct{ procs []sdktrace.SpanProcessor }

// WithSpanProcessors adds processors.
func WithSpanProcessors(ps ...sdktrace.SpanProcessor) Option {
	return func(c *config) { c.procs = append(c.procs, ps...) }
}

// Start returns a provider with every processor registered.
func Start(opts ...Option) *sdktrace.TracerProvider {
	var c config
	for _, o := range opts {
		o(&c)
	}
	var tpOpts []sdktrace.TracerProviderOption
	for _, p := range c.procs {
		tpOpts = append(tpOpts, sdktrace.WithSpanProcessor(p))
	}
	return sdktrace.NewTracerProvider(tpOpts...)
}
