// Package db_pgx queries PostgreSQL with pgx: network I/O on every span,
// and a span (the otelpgx tracer) when the pool's configuration carries it.
package db_pgx

import (
	"context"

	"github.com/exaring/otelpgx"
	"github.com/jackc/pgx/v5/pgxpool"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// QuotaProcessor checks quotas.
type QuotaProcessor struct {
	traced, plain *pgxpool.Pool
}

// NewQuotaProcessor opens two pools; one traces its queries.
func NewQuotaProcessor(ctx context.Context, dsn string) (*QuotaProcessor, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	cfg.ConnConfig.Tracer = otelpgx.NewTracer()
	traced, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	plain, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return &QuotaProcessor{traced: traced, plain: plain}, nil
}

// OnStart reads the quota in the span's context.
func (p *QuotaProcessor) OnStart(ctx context.Context, _ sdktrace.ReadWriteSpan) {
	var left int
	_ = p.traced.QueryRow(ctx, "SELECT left FROM quotas").Scan(&left) // want `reentrancy: OnStart of \*QuotaProcessor calls \(\*github\.com/jackc/pgx/v5/pgxpool\.Pool\)\.QueryRow: the connection's tracer \(otelpgx\) starts a span`
}

// OnEnd counts the span.
func (p *QuotaProcessor) OnEnd(sdktrace.ReadOnlySpan) {
	_, _ = p.plain.Exec(context.Background(), "UPDATE quotas SET used = used + 1") // want `network: OnEnd of \*QuotaProcessor calls \(\*github\.com/jackc/pgx/v5/pgxpool\.Pool\)\.Exec: a PostgreSQL round trip on every span end`
}

// Shutdown does nothing.
func (p *QuotaProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *QuotaProcessor) ForceFlush(context.Context) error { return nil }
