// Command iface_in_map registers sampling policies in a map; one checks a
// flag file.
package main

import (
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/iface_in_map/policy"
	"example.com/prog/iface_in_map/telemetry"
)

func main() {
	policies := map[string]telemetry.Policy{"health": policy.Always{}}
	policies["checkout"] = &policy.FileFlag{Path: "/run/trace-checkout"}
	_ = sdktrace.NewTracerProvider(sdktrace.WithSampler(telemetry.NewPolicySampler(policies)))
}
