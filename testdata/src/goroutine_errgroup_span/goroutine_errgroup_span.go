// Package goroutine_errgroup_span starts a span in a goroutine started by
// errgroup.Group.Go from OnStart.
package goroutine_errgroup_span

import (
	"context"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"golang.org/x/sync/errgroup"
)

// ShadowProcessor records a shadow span for every span.
type ShadowProcessor struct {
	group *errgroup.Group
}

var _ sdktrace.SpanProcessor = (*ShadowProcessor)(nil)

// NewShadowProcessor returns a processor with its own group.
func NewShadowProcessor() *ShadowProcessor {
	return &ShadowProcessor{group: new(errgroup.Group)}
}

// OnStart records the shadow span in the group.
func (p *ShadowProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	name := s.Name()
	p.group.Go(func() error { // want `reentrancy: OnStart of \*ShadowProcessor .*starts a goroutine running \(\*ShadowProcessor\)\.OnStart\.func1, which calls \(go\.opentelemetry\.io/otel/trace\.Tracer\)\.Start`
		_, span := otel.Tracer("shadow").Start(context.Background(), "shadow "+name)
		span.End()
		return nil
	})
}

// OnEnd does nothing.
func (p *ShadowProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown waits for the shadow spans.
func (p *ShadowProcessor) Shutdown(context.Context) error { return p.group.Wait() }

// ForceFlush does nothing.
func (p *ShadowProcessor) ForceFlush(context.Context) error { return nil }
