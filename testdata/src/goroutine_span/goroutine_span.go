// Package goroutine_span starts spans in goroutines that the hooks start:
// off the caller's path, but every span starts a goroutine that starts a
// span, without bound.
package goroutine_span

import (
	"context"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// ShadowProcessor records a shadow span for every span.
type ShadowProcessor struct {
	tracer trace.Tracer
}

var _ sdktrace.SpanProcessor = (*ShadowProcessor)(nil)

// NewShadowProcessor takes its tracer from the global provider.
func NewShadowProcessor() *ShadowProcessor {
	return &ShadowProcessor{tracer: otel.Tracer("shadow")}
}

// OnStart records the shadow span in a goroutine.
func (p *ShadowProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	name := s.Name()
	go func() { p.record("shadow " + name) }() // want `reentrancy: OnStart of \*ShadowProcessor starts a goroutine running \(\*ShadowProcessor\)\.OnStart\.func1, which calls \(\*ShadowProcessor\)\.record, which calls \(go\.opentelemetry\.io/otel/trace\.Tracer\)\.Start`
}

// OnEnd reports the end in a goroutine.
func (p *ShadowProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	go p.report(s.Name()) // want `reentrancy: OnEnd of \*ShadowProcessor starts a goroutine running \(\*ShadowProcessor\)\.report, which calls \(go\.opentelemetry\.io/otel/trace\.Tracer\)\.Start`
}

func (p *ShadowProcessor) report(name string) {
	_, span := p.tracer.Start(context.Background(), "ended "+name)
	span.End()
}

func (p *ShadowProcessor) record(name string) {
	_, span := p.tracer.Start(context.Background(), name)
	span.End()
}

// Shutdown does nothing.
func (p *ShadowProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *ShadowProcessor) ForceFlush(context.Context) error { return nil }
