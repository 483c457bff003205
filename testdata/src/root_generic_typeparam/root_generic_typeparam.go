// Package root_generic_typeparam declares a generic span processor whose
// OnStart calls a method of its type parameter. The hook runs the methods
// of the type arguments it is instantiated with: here a source that reads
// a file on every call.
package root_generic_typeparam

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
	s.SetAttributes(attribute.String(p.src.Key(), p.src.Value(ctx))) // want `io: OnStart of \*Processor calls FileSource\.Value, which calls os\.ReadFile: a file read on every span start`
}

// OnEnd does nothing.
func (p *Processor[S]) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *Processor[S]) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *Processor[S]) ForceFlush(context.Context) error { return nil }

// FileSource reads its value from a file, every time.
type FileSource struct{ Path string }

// Key names the attribute.
func (FileSource) Key() string { return "host.name" }

// Value reads the file.
func (f FileSource) Value(context.Context) string {
	b, _ := os.ReadFile(f.Path)
	return string(b)
}

// Default is the processor the service registers.
func Default() *Processor[FileSource] { return New(FileSource{Path: "/etc/hostname"}) }
