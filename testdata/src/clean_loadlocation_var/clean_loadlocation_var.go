// Package clean_loadlocation_var loads a time zone in a package variable's
// initializer; the hook formats with it.
package clean_loadlocation_var

import (
	"context"
	"time"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

var berlin, _ = time.LoadLocation("Europe/Berlin")

// LocalTimeProcessor stamps the local start time.
type LocalTimeProcessor struct{}

var _ sdktrace.SpanProcessor = (*LocalTimeProcessor)(nil)

// OnStart stamps the time in Berlin.
func (p *LocalTimeProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("start.local", s.StartTime().In(berlin).Format(time.RFC3339)))
}

// OnEnd does nothing.
func (p *LocalTimeProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *LocalTimeProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *LocalTimeProcessor) ForceFlush(context.Context) error { return nil }
