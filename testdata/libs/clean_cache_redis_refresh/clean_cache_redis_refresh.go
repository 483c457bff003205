// Package clean_cache_redis_refresh reads its flags from an instrumented
// Redis client in its constructor and then from a ticker in a goroutine of
// its own: the command's span runs OnStart on that goroutine, where the
// hook only reads the flags already loaded.
package clean_cache_redis_refresh

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/extra/redisotel/v9"
	"github.com/redis/go-redis/v9"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// FlagProcessor stamps the current flags.
type FlagProcessor struct{ flags atomic.Pointer[string] }

// NewFlagProcessor loads the flags and refreshes them every minute.
func NewFlagProcessor(ctx context.Context, addr string) (*FlagProcessor, error) {
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	if err := redisotel.InstrumentTracing(rdb); err != nil {
		return nil, err
	}
	p := &FlagProcessor{}
	if err := p.load(ctx, rdb); err != nil {
		return nil, err
	}
	go func() {
		for range time.Tick(time.Minute) {
			_ = p.load(ctx, rdb)
		}
	}()
	return p, nil
}

func (p *FlagProcessor) load(ctx context.Context, rdb *redis.Client) error {
	v, err := rdb.Get(ctx, "flags").Result()
	if err == nil {
		p.flags.Store(&v)
	}
	return err
}

// OnStart stamps the flags.
func (p *FlagProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	if f := p.flags.Load(); f != nil {
		s.SetAttributes(attribute.String("flags", *f))
	}
}

// OnEnd does nothing.
func (p *FlagProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *FlagProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *FlagProcessor) ForceFlush(context.Context) error { return nil }
