// Command propagator_injected installs a propagator whose tokens come from
// an authorization server.
package main

import (
	"go.opentelemetry.io/otel"

	"example.com/prog/propagator_injected/auth"
	"example.com/prog/propagator_injected/telemetry"
)

func main() {
	otel.SetTextMapPropagator(telemetry.NewTokenPropagator(&auth.Issuer{URL: "https://auth.internal/token"}))
}
