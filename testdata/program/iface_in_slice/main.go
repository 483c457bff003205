// Command iface_in_slice configures its processor with a slice of
// enrichers, one of which resolves a name.
package main

import (
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/iface_in_slice/enrich"
	"example.com/prog/iface_in_slice/telemetry"
)

func main() {
	es := []telemetry.Enricher{enrich.Static{Key: "tier", Value: "web"}}
	es = append(es, &enrich.Zone{Host: "zone.internal"})
	_ = sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(telemetry.NewEnrichProcessor(es)))
}
