// Package cache_ttl_inline_reentrant refreshes a TTL cache inline in OnStart,
// and the refresh traces itself: every time the TTL expires the refresh
// starts a span, which runs OnStart, which finds the cache still stale.
package cache_ttl_inline_reentrant

import (
	"context"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// TagProcessor adds deployment tags, refreshed every ttl.
type TagProcessor struct {
	tracer  trace.Tracer
	ttl     time.Duration
	fetched time.Time
	tags    []attribute.KeyValue
	source  map[string]string
}

var _ sdktrace.SpanProcessor = (*TagProcessor)(nil)

// NewTagProcessor returns a processor with a one-minute TTL.
func NewTagProcessor(source map[string]string) *TagProcessor {
	return &TagProcessor{tracer: otel.Tracer("tags"), ttl: time.Minute, source: source}
}

// OnStart adds the tags, refreshing them when stale.
func (p *TagProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	if time.Since(p.fetched) > p.ttl {
		p.tags = p.refresh(ctx) // want `reentrancy: OnStart of \*TagProcessor calls \(\*TagProcessor\)\.refresh, which calls \(go\.opentelemetry\.io/otel/trace\.Tracer\)\.Start`
		p.fetched = time.Now()
	}
	s.SetAttributes(p.tags...)
}

func (p *TagProcessor) refresh(ctx context.Context) []attribute.KeyValue {
	_, span := p.tracer.Start(ctx, "tags.refresh")
	defer span.End()
	var tags []attribute.KeyValue
	for k, v := range p.source {
		tags = append(tags, attribute.String(k, v))
	}
	return tags
}

// OnEnd does nothing.
func (p *TagProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *TagProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *TagProcessor) ForceFlush(context.Context) error { return nil }
