// Package root_generic has a generic span processor type whose OnStart reads
// a file.
package root_generic

import (
	"context"
	"os"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// FileAttrProcessor adds the contents of a file, converted to T, as an
// attribute.
type FileAttrProcessor[T ~string] struct {
	key  attribute.Key
	path string
	conv func(string) T
}

var _ sdktrace.SpanProcessor = (*FileAttrProcessor[string])(nil)

// NewFileAttrProcessor returns a processor for the file at path.
func NewFileAttrProcessor[T ~string](key, path string, conv func(string) T) *FileAttrProcessor[T] {
	return &FileAttrProcessor[T]{key: attribute.Key(key), path: path, conv: conv}
}

// OnStart adds the attribute.
func (p *FileAttrProcessor[T]) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	b, err := os.ReadFile(p.path) // want `io: OnStart of \*FileAttrProcessor calls os\.ReadFile`
	if err != nil {
		return
	}
	s.SetAttributes(p.key.String(string(p.conv(strings.TrimSpace(string(b))))))
}

// OnEnd does nothing.
func (p *FileAttrProcessor[T]) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *FileAttrProcessor[T]) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *FileAttrProcessor[T]) ForceFlush(context.Context) error { return nil }
