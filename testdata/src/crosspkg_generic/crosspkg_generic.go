// Package crosspkg_generic calls an instantiation of a generic helper of
// another package from OnStart: the finding needs the generic function's
// fact.
package crosspkg_generic

import (
	"context"
	"strconv"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/fx/crosspkg_generic/helper"
)

// ShardProcessor adds the shard number.
type ShardProcessor struct {
	path string
}

var _ sdktrace.SpanProcessor = (*ShardProcessor)(nil)

// OnStart adds the shard.
func (p *ShardProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	shard, err := helper.ReadTrimmed(p.path, strconv.Atoi) // want `io: OnStart of \*ShardProcessor calls example\.com/fx/crosspkg_generic/helper\.ReadTrimmed, which calls os\.ReadFile`
	if err == nil {
		s.SetAttributes(attribute.Int("shard", shard))
	}
}

// OnEnd does nothing.
func (p *ShardProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *ShardProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *ShardProcessor) ForceFlush(context.Context) error { return nil }
