// Package sink_sql is the log-processor incident: OnEmit inserts every record
// into a database synchronously.
package sink_sql

import (
	"context"
	"database/sql"

	sdklog "go.opentelemetry.io/otel/sdk/log"
)

// SQLProcessor stores log records in a table.
type SQLProcessor struct {
	db *sql.DB
}

var _ sdklog.Processor = (*SQLProcessor)(nil)

// NewSQLProcessor opens the database (sql.Open does not connect).
func NewSQLProcessor(driver, dsn string) (*SQLProcessor, error) {
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, err
	}
	return &SQLProcessor{db: db}, nil
}

// OnEmit inserts the record.
func (p *SQLProcessor) OnEmit(ctx context.Context, r *sdklog.Record) error {
	_, err := p.db.ExecContext(ctx, "INSERT INTO logs(ts, body) VALUES (?, ?)", r.Timestamp(), r.Body().Emit()) // want `network: OnEmit of \*SQLProcessor calls \(\*database/sql\.DB\)\.ExecContext`
	return err
}

// Enabled accepts every record.
func (p *SQLProcessor) Enabled(context.Context, sdklog.EnabledParameters) bool { return true }

// Shutdown closes the database.
func (p *SQLProcessor) Shutdown(context.Context) error { return p.db.Close() }

// ForceFlush does nothing.
func (p *SQLProcessor) ForceFlush(context.Context) error { return nil }
