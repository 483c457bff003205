// Package reach_field_func calls a function value kept in a struct field that
// the constructor assigns.
package reach_field_func

import (
	"context"
	"os"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// ZoneProcessor adds the availability zone.
type ZoneProcessor struct {
	zone func() string
}

var _ sdktrace.SpanProcessor = (*ZoneProcessor)(nil)

// NewZoneProcessor reads the zone from the node's zone file.
func NewZoneProcessor() *ZoneProcessor {
	return &ZoneProcessor{zone: readZone}
}

func readZone() string {
	b, _ := os.ReadFile("/etc/node/zone")
	return strings.TrimSpace(string(b))
}

// OnStart adds the zone.
func (p *ZoneProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("cloud.availability_zone", p.zone())) // want `io: OnStart of \*ZoneProcessor calls readZone, which calls os\.ReadFile`
}

// OnEnd does nothing.
func (p *ZoneProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *ZoneProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *ZoneProcessor) ForceFlush(context.Context) error { return nil }
