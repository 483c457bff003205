// Package clean_promoted_pure embeds another package's pure OnStart: the
// promoted hook reaches nothing.
package clean_promoted_pure

import (
	"context"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/fx/clean_promoted_pure/base"
)

// EnvProcessor is base.Env plus the rest of SpanProcessor.
type EnvProcessor struct {
	base.Env
}

var _ sdktrace.SpanProcessor = (*EnvProcessor)(nil)

// OnEnd does nothing.
func (p *EnvProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *EnvProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *EnvProcessor) ForceFlush(context.Context) error { return nil }
