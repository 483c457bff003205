// Package helper_built builds its instrumented clients in small helper
// functions of its own, as services do: how a client was built is read
// through the helper's body, with the helper's parameters bound to the
// arguments of the call that built the client the hook uses.
package helper_built

import (
	"context"
	"database/sql"

	"github.com/XSAM/otelsql"
	"github.com/go-logr/logr"
	"github.com/redis/go-redis/extra/redisotel/v9"
	"github.com/redis/go-redis/v9"
	"go.opentelemetry.io/contrib/bridges/otelslog"
	"go.opentelemetry.io/contrib/bridges/otelzap"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.uber.org/zap"
)

// newCache returns a Redis client that redisotel instruments.
func newCache(addr string) *redis.Client {
	c := redis.NewClient(&redis.Options{Addr: addr})
	_ = redisotel.InstrumentTracing(c)
	return c
}

// openTraced opens the database through otelsql.
func openTraced(dsn string) (*sql.DB, error) { return otelsql.Open("postgres", dsn) }

// openNamed opens the database under the driver name it is given.
func openNamed(driver, dsn string) *sql.DB {
	db, _ := sql.Open(driver, dsn)
	return db
}

// tune sets pool limits and returns the same database.
func tune(db *sql.DB) *sql.DB {
	db.SetMaxOpenConns(4)
	return db
}

// TenantProcessor stamps tenants.
type TenantProcessor struct {
	cache          redis.Cmdable
	db, reg, plain *sql.DB
}

// NewTenantProcessor builds every client through a helper.
func NewTenantProcessor(addr, dsn string) (*TenantProcessor, error) {
	db, err := openTraced(dsn)
	if err != nil {
		return nil, err
	}
	plain, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	name, err := otelsql.Register("postgres")
	if err != nil {
		return nil, err
	}
	return &TenantProcessor{
		cache: newCache(addr),
		db:    tune(db),
		reg:   openNamed(name, dsn),
		plain: tune(plain), // the same helper: this call's argument decides
	}, nil
}

// OnStart reads the tenant.
func (p *TenantProcessor) OnStart(ctx context.Context, _ sdktrace.ReadWriteSpan) {
	_ = p.cache.Get(ctx, "tenant")                        // want `reentrancy: OnStart of \*TenantProcessor calls \(github\.com/redis/go-redis/v9\.StringCmdable\)\.Get: redisotel instrumented the client, so the command starts a span`
	_ = p.db.QueryRowContext(ctx, "SELECT 1")             // want `reentrancy: OnStart of \*TenantProcessor calls \(\*database/sql\.DB\)\.QueryRowContext: otelsql starts a span`
	_, _ = p.reg.ExecContext(ctx, "UPDATE t SET n = n+1") // want `reentrancy: OnStart of \*TenantProcessor calls \(\*database/sql\.DB\)\.ExecContext: otelsql starts a span`
	_, _ = p.plain.ExecContext(ctx, "SELECT 2")           // want `network: OnStart of \*TenantProcessor calls \(\*database/sql\.DB\)\.ExecContext: a database statement on every span start;`
}

// OnEnd does nothing.
func (p *TenantProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *TenantProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *TenantProcessor) ForceFlush(context.Context) error { return nil }

// newLogger returns a zap logger whose core is the otelzap bridge.
func newLogger(name string) *zap.Logger { return zap.New(otelzap.NewCore(name)) }

// newLogr returns a logr logger over the otelslog bridge.
func newLogr(name string) logr.Logger { return logr.FromSlogHandler(otelslog.NewHandler(name)) }

// AuditProcessor logs the records it sees.
type AuditProcessor struct {
	zl *zap.Logger
	lr logr.Logger
}

var _ sdklog.Processor = (*AuditProcessor)(nil)

// NewAuditProcessor builds both loggers through helpers.
func NewAuditProcessor() *AuditProcessor {
	return &AuditProcessor{zl: newLogger("audit"), lr: newLogr("audit")}
}

// OnEmit logs twice.
func (p *AuditProcessor) OnEmit(ctx context.Context, r *sdklog.Record) error {
	p.zl.Info("record")         // want `reentrancy: OnEmit of \*AuditProcessor calls \(\*go\.uber\.org/zap\.Logger\)\.Info: the logger's core is the otelzap bridge`
	p.lr.Info("record", "n", 1) // want `reentrancy: OnEmit of \*AuditProcessor calls \(github\.com/go-logr/logr\.Logger\)\.Info: the logger's sink is the otelslog bridge`
	return nil
}

// Enabled says yes.
func (p *AuditProcessor) Enabled(context.Context, sdklog.EnabledParameters) bool { return true }

// Shutdown does nothing.
func (p *AuditProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *AuditProcessor) ForceFlush(context.Context) error { return nil }
