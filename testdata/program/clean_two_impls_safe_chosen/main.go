// Command clean_two_impls_safe_chosen asks the metadata service once, in
// main, and injects the answer as a Static HostInfo. The IMDS HostInfo is
// in the program (the diagnose subcommand prints it), but never reaches
// the processor: a class-hierarchy call graph would blame it, the value
// flow does not.
package main

import (
	"fmt"
	"os"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/clean_two_impls_safe_chosen/hostinfo"
	"example.com/prog/clean_two_impls_safe_chosen/telemetry"
)

func diagnose(h telemetry.HostInfo) { fmt.Println(h.IP()) }

func main() {
	imds := &hostinfo.IMDS{URL: "http://169.254.169.254"}
	if len(os.Args) > 1 && os.Args[1] == "diagnose" {
		diagnose(imds)
		return
	}
	host := hostinfo.Static{Addr: imds.IP()}
	_ = sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(telemetry.NewHostProcessor(host)))
}
