// Package clean_generic calls generic helpers that only compute, and is a
// generic processor type itself.
package clean_generic

import (
	"context"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func mapSlice[T, U any](in []T, f func(T) U) []U {
	out := make([]U, 0, len(in))
	for _, v := range in {
		out = append(out, f(v))
	}
	return out
}

func keys[K comparable, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// LabelProcessor adds labels derived from T.
type LabelProcessor[T ~string] struct {
	labels map[T]string
}

var _ sdktrace.SpanProcessor = (*LabelProcessor[string])(nil)

// OnStart adds the label keys, upper-cased.
func (p *LabelProcessor[T]) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	names := mapSlice(keys(p.labels), func(k T) string { return strings.ToUpper(string(k)) })
	s.SetAttributes(attribute.StringSlice("labels", names))
}

// OnEnd does nothing.
func (p *LabelProcessor[T]) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *LabelProcessor[T]) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *LabelProcessor[T]) ForceFlush(context.Context) error { return nil }
