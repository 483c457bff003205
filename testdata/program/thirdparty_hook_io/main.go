// Command thirdparty_hook_io registers a processor of another module that
// reads the host name on every span start.
package main

import (
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/third/hostproc"
)

func main() {
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(hostproc.New())) // want `io: OnStart of \*example\.com/third/hostproc\.Processor \(registered with sdktrace\.WithSpanProcessor\) calls os\.Hostname: a hostname lookup`
	_ = tp
}
