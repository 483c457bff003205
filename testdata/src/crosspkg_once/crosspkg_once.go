// Package crosspkg_once calls another package's lazy once-cache around an
// instrumented request from a hook: the message names the once-cache in
// the path, as it does when the cache is in the hook's own package.
package crosspkg_once

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/fx/crosspkg_once/zone"
)

// ZoneProcessor stamps the zone.
type ZoneProcessor struct{}

// OnStart asks for the zone.
func (ZoneProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("cloud.availability_zone", zone.Zone())) // want `deadlock: OnStart of ZoneProcessor calls example\.com/fx/crosspkg_once/zone\.Zone, which calls example\.com/fx/crosspkg_once/zone\.Zone\.func1 \(lazily cached by \(\*sync\.Once\)\.Do\), which calls \(\*net/http\.Client\)\.Get`
}

// OnEnd does nothing.
func (ZoneProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (ZoneProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (ZoneProcessor) ForceFlush(context.Context) error { return nil }
