// Package clean_cycle_pure flattens nested maps with mutual recursion and no
// I/O: the walk must terminate and report nothing.
package clean_cycle_pure

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// FlattenProcessor adds a nested map as flat attributes.
type FlattenProcessor struct {
	tree map[string]any
}

var _ sdktrace.SpanProcessor = (*FlattenProcessor)(nil)

// OnStart adds the flattened attributes.
func (p *FlattenProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(flattenMap("", p.tree, nil)...)
}

func flattenMap(prefix string, m map[string]any, out []attribute.KeyValue) []attribute.KeyValue {
	for k, v := range m {
		out = flattenValue(prefix+k, v, out)
	}
	return out
}

func flattenValue(key string, v any, out []attribute.KeyValue) []attribute.KeyValue {
	switch v := v.(type) {
	case map[string]any:
		return flattenMap(key+".", v, out)
	case string:
		return append(out, attribute.String(key, v))
	}
	return out
}

// OnEnd does nothing.
func (p *FlattenProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *FlattenProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *FlattenProcessor) ForceFlush(context.Context) error { return nil }
