// Package db_pgx queries PostgreSQL with pgx: network I/O on every span,
// and a span (the otelpgx tracer) when the pool's configuration carries it.
package db_pgx

import (
	"context"
	"time"

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

// AuditProcessor writes through the traced pool. otelpgx starts a span only
// under a recording span in the query's context: the hook's context (under
// a sampled parent) re-enters, a context made from context.Background()
// does not (the query is still network I/O).
type AuditProcessor struct{ traced *pgxpool.Pool }

// NewAuditProcessor opens the traced pool.
func NewAuditProcessor(ctx context.Context, dsn string) (*AuditProcessor, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	cfg.ConnConfig.Tracer = otelpgx.NewTracer()
	traced, err := pgxpool.NewWithConfig(ctx, cfg)
	return &AuditProcessor{traced: traced}, err
}

// OnStart records the start under the parent's context.
func (p *AuditProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	qctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_, _ = p.traced.Exec(qctx, "INSERT INTO starts VALUES ($1)", s.Name()) // want `reentrancy: OnStart of \*AuditProcessor calls \(\*github\.com/jackc/pgx/v5/pgxpool\.Pool\)\.Exec: the connection's tracer \(otelpgx\) starts a span for the query under the recording span the call's context carries, which runs OnStart again: unbounded recursion on the first span start under a recording parent span`
}

// OnEnd records the end without a span in the context.
func (p *AuditProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	_, _ = p.traced.Exec(context.Background(), "INSERT INTO ends VALUES ($1)", s.Name()) // want `network: OnEnd of \*AuditProcessor calls \(\*github\.com/jackc/pgx/v5/pgxpool\.Pool\)\.Exec: a PostgreSQL round trip on every span end \(its instrumentation starts a span only under a span in the call's context, and this context carries none\)`
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, _ = p.traced.Exec(ctx, "UPDATE totals SET n = n + 1") // want `network: OnEnd of \*AuditProcessor calls \(\*github\.com/jackc/pgx/v5/pgxpool\.Pool\)\.Exec: a PostgreSQL round trip on every span end \(its instrumentation starts a span only`
}

// Shutdown does nothing.
func (p *AuditProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *AuditProcessor) ForceFlush(context.Context) error { return nil }
