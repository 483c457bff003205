// Package clean_generic_typeparam declares a generic span processor whose
// type argument answers from memory: the file is read once, by the
// constructor.
package clean_generic_typeparam

import (
	"context"
	"os"

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
	s.SetAttributes(attribute.String(p.src.Key(), p.src.Value(ctx)))
}

// OnEnd does nothing.
func (p *Processor[S]) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *Processor[S]) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *Processor[S]) ForceFlush(context.Context) error { return nil }

// StaticSource holds a value read once.
type StaticSource struct{ host string }

// NewStaticSource reads the file now.
func NewStaticSource(path string) StaticSource {
	b, _ := os.ReadFile(path)
	return StaticSource{host: string(b)}
}

// Key names the attribute.
func (StaticSource) Key() string { return "host.name" }

// Value returns the value read at construction.
func (s StaticSource) Value(context.Context) string { return s.host }

// Default is the processor the service registers.
func Default() *Processor[StaticSource] { return New(NewStaticSource("/etc/hostname")) }
