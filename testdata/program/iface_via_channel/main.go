// Command iface_via_channel hands its processor a resolver over a channel.
package main

import (
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/iface_via_channel/peer"
	"example.com/prog/iface_via_channel/telemetry"
)

func main() {
	ch := make(chan telemetry.Resolver, 1)
	ch <- &peer.DNS{IP: "10.0.0.1"}
	_ = sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(telemetry.NewPeerProcessor(ch)))
}
