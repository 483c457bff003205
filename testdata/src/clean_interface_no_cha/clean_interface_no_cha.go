// Package clean_interface_no_cha calls through an interface field that only
// ever holds an in-memory implementation. Another implementation reads a
// file, but it never flows into the field: a class-hierarchy call graph would
// report it, spanhotpath must not.
package clean_interface_no_cha

import (
	"context"
	"os"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

type attrSource interface {
	Attrs() []attribute.KeyValue
}

type staticSource struct {
	attrs []attribute.KeyValue
}

func (s *staticSource) Attrs() []attribute.KeyValue { return s.attrs }

type fileSource struct {
	path string
}

func (s *fileSource) Attrs() []attribute.KeyValue {
	b, _ := os.ReadFile(s.path)
	return []attribute.KeyValue{attribute.String("file.attrs", string(b))}
}

// LoadFileAttrs reads attributes from a file, at startup.
func LoadFileAttrs(path string) []attribute.KeyValue {
	var src attrSource = &fileSource{path: path}
	return src.Attrs()
}

// AttrProcessor adds fixed attributes.
type AttrProcessor struct {
	src attrSource
}

var _ sdktrace.SpanProcessor = (*AttrProcessor)(nil)

// NewAttrProcessor adds attrs to every span.
func NewAttrProcessor(attrs ...attribute.KeyValue) *AttrProcessor {
	return &AttrProcessor{src: &staticSource{attrs: attrs}}
}

// OnStart adds the attributes.
func (p *AttrProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(p.src.Attrs()...)
}

// OnEnd does nothing.
func (p *AttrProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *AttrProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *AttrProcessor) ForceFlush(context.Context) error { return nil }
