// Package clean_db_pgx_refresher refreshes quotas from PostgreSQL in a
// goroutine the constructor starts; the hook reads the last value.
package clean_db_pgx_refresher

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// QuotaProcessor stamps the last quota read.
type QuotaProcessor struct{ left atomic.Int64 }

// NewQuotaProcessor starts the refresher.
func NewQuotaProcessor(ctx context.Context, pool *pgxpool.Pool) *QuotaProcessor {
	p := &QuotaProcessor{}
	go func() {
		for range time.Tick(time.Minute) {
			var left int64
			if pool.QueryRow(ctx, "SELECT left FROM quotas").Scan(&left) == nil {
				p.left.Store(left)
			}
		}
	}()
	return p
}

// OnStart stamps it.
func (p *QuotaProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.Int64("quota.left", p.left.Load()))
}

// OnEnd does nothing.
func (p *QuotaProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *QuotaProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *QuotaProcessor) ForceFlush(context.Context) error { return nil }
