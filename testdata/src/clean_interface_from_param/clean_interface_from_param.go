// Package clean_interface_from_param calls an interface whose concrete
// type the package never sees (the caller passes it in): spanhotpath does
// not guess with class-hierarchy analysis, even though a type of this
// package with the same method does I/O.
package clean_interface_from_param

import (
	"context"
	"os"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Labeler labels spans.
type Labeler interface{ Label() string }

// FileLabeler reads its label from a file; nothing here gives one to a processor.
type FileLabeler struct{ Path string }

// Label reads the file.
func (f FileLabeler) Label() string {
	b, _ := os.ReadFile(f.Path)
	return string(b)
}

// LabelProcessor stamps a label.
type LabelProcessor struct{ labeler Labeler }

var _ sdktrace.SpanProcessor = (*LabelProcessor)(nil)

// NewLabelProcessor takes the labeler from its caller.
func NewLabelProcessor(l Labeler) *LabelProcessor { return &LabelProcessor{labeler: l} }

// OnStart stamps the label.
func (p *LabelProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("label", p.labeler.Label()))
}

// OnEnd does nothing.
func (p *LabelProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *LabelProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *LabelProcessor) ForceFlush(context.Context) error { return nil }
