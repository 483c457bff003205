// Package clean_sort_slice sorts attributes with pure comparators.
package clean_sort_slice

import (
	"cmp"
	"context"
	"slices"
	"sort"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// SortedProcessor re-adds the span's attributes in key order.
type SortedProcessor struct{}

var _ sdktrace.SpanProcessor = (*SortedProcessor)(nil)

// OnStart sorts with sort.Slice.
func (p *SortedProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	attrs := s.Attributes()
	sort.Slice(attrs, func(i, j int) bool { return attrs[i].Key < attrs[j].Key })
	s.SetAttributes(attrs...)
}

// OnEnd sorts with slices.SortFunc.
func (p *SortedProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	attrs := s.Attributes()
	slices.SortFunc(attrs, func(a, b attribute.KeyValue) int { return cmp.Compare(a.Key, b.Key) })
}

// Shutdown does nothing.
func (p *SortedProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *SortedProcessor) ForceFlush(context.Context) error { return nil }
