// Package clean_getenv_time_rand reads the environment, the clock and a
// pseudo-random number in the hook: all in memory.
package clean_getenv_time_rand

import (
	"context"
	"math/rand"
	"os"
	"syscall"
	"time"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// EnvProcessor adds the deployment environment and a jitter bucket.
type EnvProcessor struct{}

var _ sdktrace.SpanProcessor = (*EnvProcessor)(nil)

// OnStart adds deployment.environment, the start hour and a bucket.
func (p *EnvProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	env := os.Getenv("DEPLOY_ENV")
	s.SetAttributes(attribute.Int("process.pid", syscall.Getpid()))
	if region, ok := os.LookupEnv("REGION"); ok {
		s.SetAttributes(attribute.String("cloud.region", region))
	}
	s.SetAttributes(
		attribute.String("deployment.environment", env),
		attribute.Int("start.hour", time.Now().UTC().Hour()),
		attribute.Int("bucket", rand.Intn(16)),
	)
}

// OnEnd records how long the span took.
func (p *EnvProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	_ = time.Since(s.StartTime())
}

// Shutdown does nothing.
func (p *EnvProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *EnvProcessor) ForceFlush(context.Context) error { return nil }
