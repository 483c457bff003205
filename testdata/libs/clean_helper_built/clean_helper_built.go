// Package clean_helper_built builds clients in helpers that add no
// instrumentation, and calls an instrumented helper-built client only in
// its constructor: nothing to report.
package clean_helper_built

import (
	"context"
	"log/slog"
	"os"

	"github.com/go-logr/logr"
	"github.com/redis/go-redis/extra/redisotel/v9"
	"github.com/redis/go-redis/v9"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.uber.org/zap"
)

// newLogger returns a zap logger without a bridge.
func newLogger() *zap.Logger { return zap.NewNop() }

// newLogr returns a logr logger over slog's text handler.
func newLogr() logr.Logger { return logr.FromSlogHandler(slog.NewTextHandler(os.Stderr, nil)) }

// AuditProcessor logs through loggers that emit no records.
type AuditProcessor struct {
	zl *zap.Logger
	lr logr.Logger
}

var _ sdklog.Processor = (*AuditProcessor)(nil)

// NewAuditProcessor builds both loggers through helpers.
func NewAuditProcessor() *AuditProcessor { return &AuditProcessor{zl: newLogger(), lr: newLogr()} }

// OnEmit logs twice.
func (p *AuditProcessor) OnEmit(ctx context.Context, r *sdklog.Record) error {
	p.zl.Info("record")
	p.lr.V(1).Info("record")
	return nil
}

// Enabled says yes.
func (p *AuditProcessor) Enabled(context.Context, sdklog.EnabledParameters) bool { return true }

// Shutdown does nothing.
func (p *AuditProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *AuditProcessor) ForceFlush(context.Context) error { return nil }

// newCache returns a Redis client that redisotel instruments.
func newCache(addr string) *redis.Client {
	c := redis.NewClient(&redis.Options{Addr: addr})
	_ = redisotel.InstrumentTracing(c)
	return c
}

// TenantProcessor reads the tenant once, in its constructor.
type TenantProcessor struct{ tenant string }

// NewTenantProcessor asks Redis through the helper-built client.
func NewTenantProcessor(addr string) *TenantProcessor {
	return &TenantProcessor{tenant: newCache(addr).Get(context.Background(), "tenant").Val()}
}

// OnStart stamps the cached tenant.
func (p *TenantProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) { _ = p.tenant }

// OnEnd does nothing.
func (p *TenantProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *TenantProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *TenantProcessor) ForceFlush(context.Context) error { return nil }
