// Package db_otelsql queries databases opened through otelsql, which
// starts a span for every query: from a span processor, the query runs the
// processor again.
package db_otelsql

import (
	"context"
	"database/sql"

	"github.com/XSAM/otelsql"
	"github.com/jackc/pgx/v5/stdlib"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

// TenantProcessor stamps the tenant's plan.
type TenantProcessor struct {
	traced, registered, quiet, wrapped *sql.DB
}

// NewTenantProcessor opens the database four ways.
func NewTenantProcessor(dsn string) (*TenantProcessor, error) {
	traced, err := otelsql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	name, err := otelsql.Register("postgres")
	if err != nil {
		return nil, err
	}
	registered, err := sql.Open(name, dsn)
	if err != nil {
		return nil, err
	}
	quiet, err := otelsql.Open("postgres", dsn, otelsql.WithTracerProvider(noop.NewTracerProvider()))
	if err != nil {
		return nil, err
	}
	sql.Register("postgres-traced", otelsql.WrapDriver(stdlib.GetDefaultDriver()))
	wrapped, err := sql.Open("postgres-traced", dsn)
	if err != nil {
		return nil, err
	}
	return &TenantProcessor{traced: traced, registered: registered, quiet: quiet, wrapped: wrapped}, nil
}

// OnStart reads the plan.
func (p *TenantProcessor) OnStart(ctx context.Context, _ sdktrace.ReadWriteSpan) {
	var plan string
	_ = p.traced.QueryRowContext(ctx, "SELECT plan FROM tenants").Scan(&plan) // want `reentrancy: OnStart of \*TenantProcessor calls \(\*database/sql\.DB\)\.QueryRowContext: otelsql starts a span for the database call, which runs OnStart again`
	_, _ = p.quiet.ExecContext(ctx, "UPDATE tenants SET seen = now()")        // want `network: OnStart of \*TenantProcessor calls \(\*database/sql\.DB\)\.ExecContext: a database statement on every span start \(its instrumentation has a no-op tracer provider`
}

// OnEnd records the span in a transaction.
func (p *TenantProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	tx, err := p.registered.BeginTx(context.Background(), nil) // want `reentrancy: OnEnd of \*TenantProcessor calls \(\*database/sql\.DB\)\.BeginTx: otelsql starts a span`
	if err != nil {
		return
	}
	_, _ = tx.Exec("INSERT INTO spans VALUES ($1)", s.Name()) // want `reentrancy: OnEnd of \*TenantProcessor calls \(\*database/sql\.Tx\)\.Exec: otelsql starts a span`
	_ = tx.Commit()                                           // want `reentrancy: OnEnd of \*TenantProcessor calls \(\*database/sql\.Tx\)\.Commit: otelsql starts a span`
	_ = p.wrapped.PingContext(context.Background())           // want `reentrancy: OnEnd of \*TenantProcessor calls \(\*database/sql\.DB\)\.PingContext: otelsql starts a span`
}

// Shutdown does nothing.
func (p *TenantProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *TenantProcessor) ForceFlush(context.Context) error { return nil }
