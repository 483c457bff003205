// Package clean_log_processor_pure redacts log records in memory.
package clean_log_processor_pure

import (
	"context"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/log"
	sdklog "go.opentelemetry.io/otel/sdk/log"
)

// RedactProcessor hides secrets in record bodies and drops debug records.
type RedactProcessor struct {
	min log.Severity
}

var _ sdklog.Processor = (*RedactProcessor)(nil)

// OnEmit redacts the body.
func (p *RedactProcessor) OnEmit(_ context.Context, r *sdklog.Record) error {
	body := r.Body().Emit()
	if strings.Contains(body, "password=") {
		r.SetBody(attribute.StringValue("[redacted]"))
		r.AddAttributes(attribute.Bool("redacted", true))
	}
	return nil
}

// Enabled drops records below the minimum severity.
func (p *RedactProcessor) Enabled(_ context.Context, param sdklog.EnabledParameters) bool {
	return param.Severity >= p.min
}

// Shutdown does nothing.
func (p *RedactProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *RedactProcessor) ForceFlush(context.Context) error { return nil }
