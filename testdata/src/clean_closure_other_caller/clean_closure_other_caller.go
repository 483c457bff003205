// Package clean_closure_other_caller counts keys with a walker of another
// package whose own command-line dump passes the walker a file-writing
// literal: the walker's fact must not carry that literal to this hook.
package clean_closure_other_caller

import (
	"context"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/fx/clean_closure_other_caller/walk"
)

// CountProcessor counts keys per span.
type CountProcessor struct {
	keys []string
	n    int
}

var _ sdktrace.SpanProcessor = (*CountProcessor)(nil)

// OnStart counts.
func (p *CountProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {
	walk.Each(p.keys, func(string) { p.n++ })
}

// OnEnd does nothing.
func (p *CountProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *CountProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *CountProcessor) ForceFlush(context.Context) error { return nil }
