// Package enrich is a generic span processor: it stamps the attribute its
// type argument supplies.
package enrich

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Source supplies one attribute.
type Source interface {
	Key() string
	Value(ctx context.Context) string
}

// Processor stamps its source's attribute on every span.
type Processor[S Source] struct{ src S }

// New returns a processor over src.
func New[S Source](src S) *Processor[S] { return &Processor[S]{src: src} }

// OnStart asks the source.
func (p *Processor[S]) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String(p.src.Key(), p.src.Value(ctx))) // want `reentrancy: OnStart of \*Processor calls \(\*example\.com/prog/generic_injected\.zone\)\.Value, which calls \(\*net/http\.Client\)\.Get: the client's transport is instrumented by otelhttp`
}

// OnEnd does nothing.
func (p *Processor[S]) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *Processor[S]) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *Processor[S]) ForceFlush(context.Context) error { return nil }
