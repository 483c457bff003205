// Package clean_db_otelsql_eager reads the plan once, in the constructor,
// from a database opened through otelsql.
package clean_db_otelsql_eager

import (
	"context"

	"github.com/XSAM/otelsql"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// PlanProcessor stamps the plan read at start-up.
type PlanProcessor struct{ plan string }

// NewPlanProcessor reads the plan.
func NewPlanProcessor(ctx context.Context, dsn string) (*PlanProcessor, error) {
	db, err := otelsql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	p := &PlanProcessor{}
	err = db.QueryRowContext(ctx, "SELECT plan FROM tenants").Scan(&p.plan)
	return p, err
}

// OnStart stamps it.
func (p *PlanProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("tenant.plan", p.plan))
}

// OnEnd does nothing.
func (p *PlanProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *PlanProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *PlanProcessor) ForceFlush(context.Context) error { return nil }
