// Command iface_injected_imds injects an IMDS-backed HostInfo into its span
// processor: the processor's package cannot know, the program does.
package main

import (
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/iface_injected_imds/hostinfo"
	"example.com/prog/iface_injected_imds/telemetry"
)

func main() {
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithSpanProcessor(telemetry.NewHostProcessor(&hostinfo.IMDS{URL: "http://169.254.169.254"})),
	)
	_ = tp
}
