// Package sink_loadlocation loads a time zone on every span start:
// time.LoadLocation reads the zoneinfo database on every call.
package sink_loadlocation

import (
	"context"
	"time"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// LocalTimeProcessor adds the local wall-clock time of the office.
type LocalTimeProcessor struct {
	zone string
}

var _ sdktrace.SpanProcessor = (*LocalTimeProcessor)(nil)

// OnStart adds office.local_time.
func (p *LocalTimeProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	loc, err := time.LoadLocation(p.zone) // want `io: OnStart of \*LocalTimeProcessor calls time\.LoadLocation`
	if err != nil {
		return
	}
	s.SetAttributes(attribute.String("office.local_time", time.Now().In(loc).Format(time.Kitchen)))
}

// OnEnd does nothing.
func (p *LocalTimeProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *LocalTimeProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *LocalTimeProcessor) ForceFlush(context.Context) error { return nil }
