// Command idgen_injected_file feeds its ID generator from /dev/urandom,
// opened per ID.
package main

import (
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/idgen_injected_file/entropy"
	"example.com/prog/idgen_injected_file/telemetry"
)

func main() {
	_ = sdktrace.NewTracerProvider(sdktrace.WithIDGenerator(telemetry.NewIDs(&entropy.Device{Path: "/dev/urandom"})))
}
