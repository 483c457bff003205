// Package clean_cache_memcache_constructor reads memcached and resolves the
// servers once, in the constructor.
package clean_cache_memcache_constructor

import (
	"context"

	"github.com/bradfitz/gomemcache/memcache"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// RegionProcessor stamps the region read at start-up.
type RegionProcessor struct{ region string }

// NewRegionProcessor reads it.
func NewRegionProcessor(servers ...string) *RegionProcessor {
	mc := memcache.New(servers...)
	p := &RegionProcessor{}
	if it, err := mc.Get("region"); err == nil {
		p.region = string(it.Value)
	}
	return p
}

// OnStart stamps it.
func (p *RegionProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("cloud.region", p.region))
}

// OnEnd does nothing.
func (p *RegionProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *RegionProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *RegionProcessor) ForceFlush(context.Context) error { return nil }
