// Package cache_redis asks Redis on every span: network I/O, and a span
// when redisotel instrumented the client.
package cache_redis

import (
	"context"

	"github.com/redis/go-redis/extra/redisotel/v9"
	"github.com/redis/go-redis/v9"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// FlagProcessor reads feature flags.
type FlagProcessor struct {
	traced *redis.Client
	plain  redis.UniversalClient
}

// NewFlagProcessor connects twice; one client is instrumented.
func NewFlagProcessor(addr string) (*FlagProcessor, error) {
	traced := redis.NewClient(&redis.Options{Addr: addr})
	if err := redisotel.InstrumentTracing(traced); err != nil {
		return nil, err
	}
	plain := redis.NewUniversalClient(&redis.UniversalOptions{Addrs: []string{addr}})
	return &FlagProcessor{traced: traced, plain: plain}, nil
}

// OnStart reads the flags.
func (p *FlagProcessor) OnStart(ctx context.Context, _ sdktrace.ReadWriteSpan) {
	_ = p.traced.Get(ctx, "flags").Val() // want `reentrancy: OnStart of \*FlagProcessor calls \(github\.com/redis/go-redis/v9\.cmdable\)\.Get: redisotel instrumented the client, so the command starts a span`
	_ = p.plain.HGetAll(ctx, "flags")    // want `network: OnStart of \*FlagProcessor calls \(github\.com/redis/go-redis/v9\.HashCmdable\)\.HGetAll: a Redis command on every span start`
}

// OnEnd does nothing.
func (p *FlagProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *FlagProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *FlagProcessor) ForceFlush(context.Context) error { return nil }
