// Package root_promoted_crosspkg completes a processor by embedding another
// package's type: the promoted OnStart is this type's hook, and the finding
// is at the embedded field.
package root_promoted_crosspkg

import (
	"context"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/fx/root_promoted_crosspkg/base"
)

// HostProcessor is base.HostAttrs plus the rest of SpanProcessor.
type HostProcessor struct {
	base.HostAttrs // want `io: OnStart of \*HostProcessor calls \(example\.com/fx/root_promoted_crosspkg/base\.HostAttrs\)\.OnStart, which calls os\.Hostname`
}

var _ sdktrace.SpanProcessor = (*HostProcessor)(nil)

// OnEnd does nothing.
func (p *HostProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *HostProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *HostProcessor) ForceFlush(context.Context) error { return nil }
